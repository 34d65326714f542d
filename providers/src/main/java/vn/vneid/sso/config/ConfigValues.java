package vn.vneid.sso.config;

import java.util.Map;

import org.jboss.logging.Logger;

/** Reads one number of an execution's or required action's config, falling back to the safe default. */
public final class ConfigValues {

    private static final Logger LOG = Logger.getLogger(ConfigValues.class);

    private ConfigValues() {
    }

    /** The value of {@code key}, or {@code fallback} when absent, not a number or outside {@code [min, max]}. */
    public static int integer(Map<String, String> values, String key, int fallback, int min, int max) {
        String raw = values.get(key);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        LOG.warnf("config value %s=%s is not a number in [%d, %d]; using %d", key, raw, min, max, fallback);
        return fallback;
    }
}
