package vn.vneid.sso.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ClientKindTest {

    private static final Map<String, String> GOVERNMENT = Map.of("vneid.government", "true");
    private static final Map<String, String> NATIVE_APP = Map.of("vneid.native-app", "true");
    private static final Map<String, String> NONE = Map.of();

    @Test
    void governmentIsConfidentialAndMarked() {
        assertThat(ClientKind.GOVERNMENT.matches(false, false, GOVERNMENT::get)).isTrue();
        assertThat(ClientKind.GOVERNMENT.matches(false, false, NONE::get)).isFalse();
        assertThat(ClientKind.GOVERNMENT.matches(false, false, Map.of("vneid.government", "TRUE")::get)).isFalse();
        assertThat(ClientKind.GOVERNMENT.matches(false, false, Map.of("vneid.government", "false")::get)).isFalse();
        // A public client marked as government is not a government service: it cannot keep a key.
        assertThat(ClientKind.GOVERNMENT.matches(true, false, GOVERNMENT::get)).isFalse();
        assertThat(ClientKind.GOVERNMENT.matches(false, true, GOVERNMENT::get)).isFalse();
    }

    @Test
    void everyOtherConfidentialClientIsAThirdParty() {
        assertThat(ClientKind.THIRD_PARTY.matches(false, false, NONE::get)).isTrue();
        assertThat(ClientKind.THIRD_PARTY.matches(false, false, Map.of("vneid.government", "yes")::get)).isTrue();
        assertThat(ClientKind.THIRD_PARTY.matches(false, false, NATIVE_APP::get)).isTrue();
        assertThat(ClientKind.THIRD_PARTY.matches(false, false, GOVERNMENT::get)).isFalse();
        assertThat(ClientKind.THIRD_PARTY.matches(true, false, NONE::get)).isFalse();
        assertThat(ClientKind.THIRD_PARTY.matches(false, true, NONE::get)).isFalse();
    }

    @Test
    void nativeAppIsPublicAndMarked() {
        assertThat(ClientKind.NATIVE_APP.matches(true, false, NATIVE_APP::get)).isTrue();
        assertThat(ClientKind.NATIVE_APP.matches(true, false, NONE::get)).isFalse();
        assertThat(ClientKind.NATIVE_APP.matches(false, false, NATIVE_APP::get)).isFalse();
        // Keycloak reads a client both public and bearer-only as public.
        assertThat(ClientKind.NATIVE_APP.matches(true, true, NATIVE_APP::get)).isTrue();
    }

    @Test
    void everyConfidentialClientIsExactlyOneOfGovernmentAndThirdParty() {
        for (Map<String, String> attributes : new Map[] {GOVERNMENT, NATIVE_APP, NONE}) {
            boolean government = ClientKind.GOVERNMENT.matches(false, false, attributes::get);
            boolean thirdParty = ClientKind.THIRD_PARTY.matches(false, false, attributes::get);
            assertThat(government ^ thirdParty).isTrue();
        }
    }

    @Test
    void kindsAreNamedInTheConfiguration() {
        assertThat(ClientKind.of("government")).contains(ClientKind.GOVERNMENT);
        assertThat(ClientKind.of("third-party")).contains(ClientKind.THIRD_PARTY);
        assertThat(ClientKind.of("native-app")).contains(ClientKind.NATIVE_APP);
        assertThat(ClientKind.of("Government")).isEmpty();
        assertThat(ClientKind.of(null)).isEmpty();
    }
}
