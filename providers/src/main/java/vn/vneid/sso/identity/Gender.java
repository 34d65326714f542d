package vn.vneid.sso.identity;

import java.util.Locale;
import java.util.Optional;

/** Sex as recorded in the national population database; the lower-case name is the OIDC {@code gender} value. */
public enum Gender {
    MALE, FEMALE;

    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads the stored attribute value; anything else (empty, legacy codes) is unknown rather than an error. */
    public static Optional<Gender> fromClaimValue(String value) {
        if (value == null) {
            return Optional.empty();
        }
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "male": return Optional.of(MALE);
            case "female": return Optional.of(FEMALE);
            default: return Optional.empty();
        }
    }
}
