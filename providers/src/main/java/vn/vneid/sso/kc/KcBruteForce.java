package vn.vneid.sso.kc;

import java.util.Set;

import jakarta.ws.rs.core.UriInfo;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticatorUtil;
import org.keycloak.common.ClientConnection;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The one place that calls Keycloak's brute-force detector directly. Its signatures moved between 26.x releases
 * (failedLogin gained a parameter), so a Keycloak upgrade touches this file and nothing else.
 */
public final class KcBruteForce {

    /** Keycloak's category for second factors: its success clears first- and second-factor failures alike. */
    public static final String SECOND_FACTOR = "otp";
    public static final String PASSWORD = "password";

    private KcBruteForce() {
    }

    /** True when the realm's brute-force detection has locked the account, temporarily or for good. */
    public static boolean isLocked(AuthenticationFlowContext context, UserModel user) {
        return isLocked(context.getSession(), context.getRealm(), user);
    }

    public static boolean isLocked(KeycloakSession session, RealmModel realm, UserModel user) {
        if (!realm.isBruteForceProtected()) {
            return false;
        }
        BruteForceProtector protector = session.getProvider(BruteForceProtector.class);
        return protector.isPermanentlyLockedOut(session, realm, user)
                || protector.isTemporarilyDisabled(session, realm, user);
    }

    /**
     * Records which kind of credential a step checked. Keycloak resets the failure count after a complete login only
     * for the kinds the login used (password, otp); our authenticators have categories of their own, so without
     * this a citizen's typos would pile up for {@code maxDeltaTimeSeconds} (issue #11).
     */
    public static void credentialUsed(AuthenticationSessionModel authSession, String type) {
        if (!AuthenticatorUtil.getAuthnCredentials(authSession).contains(type)) {
            AuthenticatorUtil.addAuthCredential(authSession, type);
        }
    }

    /**
     * Counts a failed second factor (wrong SMS code, refused chip). Keycloak's own {@code failureChallenge} counts
     * only authenticators whose reference category is password, otp or recovery codes; ours have categories of
     * their own, so their failures are recorded here, as second-factor ("otp") failures.
     */
    public static void recordSecondFactorFailure(AuthenticationFlowContext context, UserModel user) {
        recordSecondFactorFailure(context.getSession(), context.getRealm(), user, context.getConnection(),
                context.getUriInfo());
    }

    public static void recordSecondFactorFailure(KeycloakSession session, RealmModel realm, UserModel user,
            ClientConnection connection, UriInfo uriInfo) {
        if (!realm.isBruteForceProtected() || user == null) {
            return;
        }
        session.getProvider(BruteForceProtector.class).failedLogin(realm, user, connection, uriInfo,
                Set.of(SECOND_FACTOR));
    }
}
