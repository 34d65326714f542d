package vn.vneid.sso.it.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import vn.vneid.sso.it.pages.LoginPage;

/**
 * An account locked by Keycloak's brute-force detection, as a stranger guessing its password elsewhere locks it.
 * Closing it clears the lock and restores the password step's throttles.
 */
public final class Lockout implements AutoCloseable {

    /** More than the realm's failureFactor (20), for guesses Keycloak refused uncounted (see guessUntilLocked). */
    private static final int MAX_GUESSES = 40;

    private final AdminApi admin;
    private final AdminApi.Citizen citizen;
    private final Map<String, String> previousThrottles;

    private Lockout(AdminApi admin, AdminApi.Citizen citizen, Map<String, String> previousThrottles) {
        this.admin = admin;
        this.citizen = citizen;
        this.previousThrottles = previousThrottles;
    }

    /**
     * Wrong passwords from another browser until Keycloak has locked the account. Our throttles (per ID, and per
     * address: the whole suite signs in from 127.0.0.1) are lifted meanwhile, so that every guess reaches Keycloak
     * whatever ran before.
     */
    public static Lockout byGuessing(AdminApi admin, OidcClient oidc, AdminApi.Citizen citizen) {
        Lockout lockout = new Lockout(admin, citizen, liftThrottles(admin));
        try {
            Browser guesser = new Browser();
            guessUntilLocked(admin, guesser, LoginPage.open(guesser, oidc.login()), citizen.id(),
                    citizen.nationalId());
            return lockout;
        } catch (RuntimeException | AssertionError e) {
            // The caller never gets the lockout to close: the throttles must not stay lifted for the other tests.
            try {
                lockout.close();
            } catch (RuntimeException | AssertionError closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** Lifts the password step's throttles; returns the settings to restore. */
    public static Map<String, String> liftThrottles(AdminApi admin) {
        return admin.updatePasswordStepConfig(Map.of(
                "throttle-id-free-failures", "1000", "throttle-address-free-failures", "100000"));
    }

    /**
     * Wrong passwords on {@code page} until Keycloak reports the account locked; returns the last page.
     *
     * <p>Keycloak counts a failure on its brute-force thread a moment after the page is answered, and until it has,
     * its blocking detector refuses the same account's next attempt without counting it (as "login in progress").
     * A guesser as fast as this test would lose guesses on a loaded machine, so each guess waits for the previous one
     * to be counted; one refused all the same is made up by another.
     */
    public static LoginPage guessUntilLocked(AdminApi admin, Browser browser, LoginPage page, String userId,
            String nationalId) {
        JsonNode status = admin.bruteForceStatus(userId);
        for (int guess = 0; guess < MAX_GUESSES && !locked(status); guess++) {
            int counted = status.path("numFailures").asInt();
            page = new LoginPage(browser, page.submit(nationalId, "wrong-" + guess));
            status = admin.awaitBruteForceStatus(userId,
                    now -> locked(now) || now.path("numFailures").asInt() > counted);
        }
        assertThat(locked(status)).as("locked by Keycloak: %s", status).isTrue();
        return page;
    }

    private static boolean locked(JsonNode status) {
        return status.path("disabled").asBoolean();
    }

    @Override
    public void close() {
        admin.restorePasswordStepConfig(previousThrottles);
        admin.clearBruteForce(citizen.id());
    }
}
