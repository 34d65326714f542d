package vn.vneid.sso.kc;

import java.util.Set;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.models.UserModel;
import org.keycloak.services.managers.BruteForceProtector;

/**
 * The one place that calls Keycloak's brute-force detector directly. Its signatures moved between 26.x releases
 * (failedLogin gained a parameter), so a Keycloak upgrade touches this file and nothing else.
 */
public final class KcBruteForce {

    private KcBruteForce() {
    }

    /** True when the realm's brute-force detection has locked the account, temporarily or for good. */
    public static boolean isLocked(AuthenticationFlowContext context, UserModel user) {
        if (!context.getRealm().isBruteForceProtected()) {
            return false;
        }
        BruteForceProtector protector = context.getSession().getProvider(BruteForceProtector.class);
        return protector.isPermanentlyLockedOut(context.getSession(), context.getRealm(), user)
                || protector.isTemporarilyDisabled(context.getSession(), context.getRealm(), user);
    }

    /**
     * Counts a failed second factor (wrong SMS code, refused chip). Keycloak's own {@code failureChallenge} counts
     * only authenticators whose reference category is password, otp or recovery codes; ours have categories of
     * their own, so their failures are recorded here, as second-factor ("otp") failures.
     */
    public static void recordSecondFactorFailure(AuthenticationFlowContext context, UserModel user) {
        if (!context.getRealm().isBruteForceProtected()) {
            return;
        }
        context.getSession().getProvider(BruteForceProtector.class).failedLogin(context.getRealm(), user,
                context.getConnection(), context.getUriInfo(), SECOND_FACTOR);
    }

    private static final Set<String> SECOND_FACTOR = Set.of("otp");
}
