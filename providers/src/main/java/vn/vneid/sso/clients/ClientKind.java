package vn.vneid.sso.clients;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

/**
 * The three kinds of client our client policies tell apart, each decided from the client's access type and one
 * attribute: government services (FAPI 2.0 without a consent screen), every other confidential client (FAPI 2.0 with
 * consent) and the mobile apps (OAuth 2.1 for public clients). One kind per policy keeps Keycloak's policy evaluation,
 * which rebuilds every condition on every request, at one condition per policy.
 */
public enum ClientKind {

    /** A confidential client marked {@code vneid.government=true}. */
    GOVERNMENT("government"),
    /** A confidential client not marked as a government service: a bank, a shop, a registered third party. */
    THIRD_PARTY("third-party"),
    /** A public client marked {@code vneid.native-app=true}. */
    NATIVE_APP("native-app");

    public static final String GOVERNMENT_ATTRIBUTE = "vneid.government";
    public static final String NATIVE_APP_ATTRIBUTE = "vneid.native-app";

    private final String value;

    ClientKind(String value) {
        this.value = value;
    }

    /** The name used in the condition's configuration. */
    public String value() {
        return value;
    }

    public static Optional<ClientKind> of(String value) {
        return Arrays.stream(values()).filter(kind -> kind.value.equals(value)).findFirst();
    }

    /**
     * Whether a client is of this kind. Access type as Keycloak reads it (public before bearer-only before
     * confidential); an attribute counts only with the exact value {@code true}.
     */
    public boolean matches(boolean publicClient, boolean bearerOnly, Function<String, String> attribute) {
        boolean confidential = !publicClient && !bearerOnly;
        return switch (this) {
            case GOVERNMENT -> confidential && "true".equals(attribute.apply(GOVERNMENT_ATTRIBUTE));
            case THIRD_PARTY -> confidential && !"true".equals(attribute.apply(GOVERNMENT_ATTRIBUTE));
            case NATIVE_APP -> publicClient && "true".equals(attribute.apply(NATIVE_APP_ATTRIBUTE));
        };
    }
}
