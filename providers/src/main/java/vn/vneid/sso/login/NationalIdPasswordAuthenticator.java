package vn.vneid.sso.login;

import java.time.Clock;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

import vn.vneid.sso.identity.NationalIdException;
import vn.vneid.sso.identity.NationalIdNumber;
import vn.vneid.sso.kc.KcBruteForce;
import vn.vneid.sso.kc.AlwaysConfiguredAuthenticator;

/**
 * First step of the level-1 login: personal identification number and password on Keycloak's own login page
 * (its "username" field is labelled as the national ID by the vneid theme). The number's format is checked before
 * any lookup; an unknown number, a wrong password and a locked account all get the same message, so the page
 * never tells whether a number has an account.
 */
final class NationalIdPasswordAuthenticator implements AlwaysConfiguredAuthenticator {

    static final String FIELD_ID = "username";
    static final String FIELD_PASSWORD = "password";
    static final String INVALID_CREDENTIALS = "vneidInvalidCredentials";

    private final Clock clock;

    NationalIdPasswordAuthenticator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        String flash = context.getAuthenticationSession().getAuthNote(LoginNotes.FLASH_ERROR);
        if (flash != null) {
            context.getAuthenticationSession().removeAuthNote(LoginNotes.FLASH_ERROR);
            context.form().setError(flash);
        }
        context.challenge(context.form().createLoginUsernamePassword());
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String password = form.getFirst(FIELD_PASSWORD);

        NationalIdNumber id;
        try {
            id = NationalIdNumber.parse(form.getFirst(FIELD_ID));
        } catch (NationalIdException e) {
            context.getEvent().error(Errors.INVALID_USER);
            context.challenge(page(context, form, e.reason().messageKey()));
            return;
        }
        form.putSingle(FIELD_ID, id.value());
        context.getEvent().detail(Details.USERNAME, id.value());
        context.getAuthenticationSession().setAuthNote(LoginNotes.ATTEMPTED_USERNAME, id.value());

        // Issue #11: guessing is slowed per ID and per address before anything is looked up, the same for numbers
        // with and without an account; the owner's own typos never lock them out.
        LoginThrottleConfig throttleConfig = LoginThrottleConfig.of(context.getAuthenticatorConfig());
        LoginThrottle throttle = new LoginThrottle(context.getSession(), context.getRealm().getId(), clock);
        String clientIp = context.getConnection().getRemoteAddr();
        long wait = throttle.secondsToWait(throttleConfig, id.value(), clientIp);
        if (wait > 0) {
            context.getEvent().error("vneid_login_throttled");
            context.forceChallenge(page(context, form, "vneidLoginThrottled", wait));
            return;
        }

        UserModel user = context.getSession().users().getUserByUsername(context.getRealm(), id.value());
        if (user == null) {
            spendOnePasswordHash(context.getSession(), context.getRealm(), password);
            throttle.failed(throttleConfig, id.value(), clientIp);
            context.getEvent().error(Errors.USER_NOT_FOUND);
            context.failureChallenge(AuthenticationFlowError.INVALID_USER, page(context, form, INVALID_CREDENTIALS));
            return;
        }
        context.getEvent().user(user);
        if (KcBruteForce.isLocked(context, user)) {
            // Already counted: a locked account is refused without another failure and without a password check,
            // yet it costs the same hash as a wrong password so that its timing does not reveal the lock.
            spendOnePasswordHash(context.getSession(), context.getRealm(), password);
            throttle.failed(throttleConfig, id.value(), clientIp);
            context.getEvent().error(Errors.USER_TEMPORARILY_DISABLED);
            context.forceChallenge(page(context, form, INVALID_CREDENTIALS));
            return;
        }
        if (password == null || password.isEmpty()
                || !user.credentialManager().isValid(UserCredentialModel.password(password))) {
            throttle.failed(throttleConfig, id.value(), clientIp);
            context.getEvent().error(Errors.INVALID_USER_CREDENTIALS);
            context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS,
                    page(context, form, INVALID_CREDENTIALS));
            return;
        }
        if (!user.isEnabled()) {
            // Only told once the password is right: it is the citizen's own account, and they must know why.
            context.getEvent().error(Errors.USER_DISABLED);
            context.forceChallenge(page(context, form, "vneidAccountDisabled"));
            return;
        }
        KcBruteForce.credentialUsed(context.getAuthenticationSession(), KcBruteForce.PASSWORD);
        context.setUser(user);
        context.success();
    }

    private static Response page(AuthenticationFlowContext context, MultivaluedMap<String, String> form,
            String messageKey, Object... arguments) {
        form.remove(FIELD_PASSWORD);
        return context.form()
                .setFormData(form)
                .addError(new FormMessage(FIELD_ID, messageKey, arguments))
                .createLoginUsernamePassword();
    }

    /**
     * An unknown number must cost what a wrong password costs, or response times would tell which numbers have
     * accounts. Hashing the submitted password once with the realm's algorithm costs exactly that.
     */
    private static void spendOnePasswordHash(KeycloakSession session, RealmModel realm, String password) {
        String algorithm = realm.getPasswordPolicy().getHashAlgorithm();
        PasswordHashProvider hash = algorithm == null
                ? session.getProvider(PasswordHashProvider.class)
                : session.getProvider(PasswordHashProvider.class, algorithm);
        if (hash != null) {
            hash.encodedCredential(password == null ? "" : password, realm.getPasswordPolicy().getHashIterations());
        }
    }

    @Override
    public boolean requiresUser() {
        return false;
    }
}
