package vn.vneid.sso.config;

import java.util.Map;
import java.util.Optional;

/**
 * A config value an administrator may not save: set, but not a whole number within {@code [min, max]}. The admin API
 * refuses it with Keycloak's own messages ({@code error-invalid-value}, {@code error-number-out-of-range}), which the
 * admin console shows in Vietnamese and English.
 *
 * @param isNumber whether the value is a number (then out of range) rather than no number at all
 */
public record InvalidValue(String key, String value, int min, int max, boolean isNumber) {

    /** The value of {@code key} when it is set and not a whole number in {@code [min, max]}; empty otherwise. */
    public static Optional<InvalidValue> of(Map<String, String> values, String key, int min, int max) {
        String raw = values == null ? null : values.get(key);
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            int value = Integer.parseInt(raw.strip());
            return value >= min && value <= max ? Optional.empty()
                    : Optional.of(new InvalidValue(key, raw, min, max, true));
        } catch (NumberFormatException e) {
            return Optional.of(new InvalidValue(key, raw, min, max, false));
        }
    }
}
