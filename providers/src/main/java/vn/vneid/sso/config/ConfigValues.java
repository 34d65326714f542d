package vn.vneid.sso.config;

import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

/** Reads one number of an execution's or required action's config, falling back to the safe default. */
public final class ConfigValues {

    private static final Logger LOG = Logger.getLogger(ConfigValues.class);

    private ConfigValues() {
    }

    /** The value of {@code key}, or {@code fallback} when absent, not a number or outside {@code [min, max]}. */
    public static int integer(Map<String, String> values, String key, int fallback, int min, int max) {
        Optional<InvalidValue> invalid = InvalidValue.of(values, key, min, max);
        if (invalid.isPresent()) {
            LOG.warnf("config value %s=%s is not a number in [%d, %d]; using %d", key, invalid.get().value(), min, max,
                    fallback);
            return fallback;
        }
        String raw = values.get(key);
        return raw == null || raw.isBlank() ? fallback : Integer.parseInt(raw.strip());
    }
}
