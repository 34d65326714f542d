package vn.vneid.sso.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import vn.vneid.sso.it.pages.LoginPage;

/**
 * An account locked by Keycloak's brute-force detection, as a stranger guessing its password elsewhere locks it.
 * Closing it clears the lock and restores the password step's throttles.
 */
public final class Lockout implements AutoCloseable {

    private final AdminApi admin;
    private final AdminApi.Citizen citizen;
    private final Map<String, String> previousThrottles;

    private Lockout(AdminApi admin, AdminApi.Citizen citizen, Map<String, String> previousThrottles) {
        this.admin = admin;
        this.citizen = citizen;
        this.previousThrottles = previousThrottles;
    }

    /**
     * Twenty wrong passwords from another browser, then waits until Keycloak's brute-force thread has locked the
     * account. Our throttles (per ID, and per address: the whole suite signs in from 127.0.0.1) are lifted meanwhile,
     * so that every guess reaches Keycloak whatever ran before.
     */
    public static Lockout byGuessing(AdminApi admin, OidcClient oidc, AdminApi.Citizen citizen) {
        Lockout lockout = new Lockout(admin, citizen, admin.updatePasswordStepConfig(Map.of(
                "throttle-id-free-failures", "1000", "throttle-address-free-failures", "100000")));
        Browser guesser = new Browser();
        LoginPage page = LoginPage.open(guesser, oidc.login());
        for (int i = 0; i < 20; i++) {
            page = new LoginPage(guesser, page.submit(citizen.nationalId(), "wrong-" + i));
        }
        assertThat(admin.awaitBruteForceStatus(citizen.id(), status -> status.path("disabled").asBoolean())
                .path("disabled").asBoolean()).as("locked by Keycloak").isTrue();
        return lockout;
    }

    @Override
    public void close() {
        admin.restorePasswordStepConfig(previousThrottles);
        admin.clearBruteForce(citizen.id());
    }
}
