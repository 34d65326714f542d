package vn.vneid.sso.login;

import java.io.IOException;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.theme.Theme;

import vn.vneid.sso.kc.KcBruteForce;
import vn.vneid.sso.phone.PhoneMask;
import vn.vneid.sso.sms.SmsException;
import vn.vneid.sso.sms.SmsGateway;

/**
 * Second step of the level-1 login: a one-time code sent by SMS to the account's verified phone. The code is kept
 * only as a salted hash in the authentication session (distributed, so any cluster node can check it).
 */
final class SmsCodeAuthenticator implements Authenticator {

    static final String TEMPLATE = "vneid-sms-code.ftl";
    static final String NO_PHONE_TEMPLATE = "vneid-no-phone.ftl";
    static final String FIELD_CODE = "code";
    static final String FIELD_RESEND = "resend";

    /** User attributes (declared in the realm's user profile) that hold the bound phone. */
    static final String ATTR_PHONE = "phoneNumber";
    static final String ATTR_PHONE_VERIFIED = "phoneNumberVerified";

    private static final Logger LOG = Logger.getLogger(SmsCodeAuthenticator.class);

    private final Clock clock;

    SmsCodeAuthenticator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        String phone = verifiedPhone(user);
        if (phone == null) {
            context.getEvent().user(user).error("vneid_no_verified_phone");
            context.challenge(context.form().createForm(NO_PHONE_TEMPLATE));
            return;
        }
        SmsCodeConfig config = SmsCodeConfig.of(context.getAuthenticatorConfig());
        SmsCodeState state = readState(context.getAuthenticationSession());
        if (state != null) {
            // A page refresh lands here again: show the page for the code already sent instead of sending another.
            String error = state.isExpired(now(), config.policy()) ? "vneidSmsCodeExpired" : null;
            context.challenge(page(context, config, state, phone, error));
            return;
        }
        send(context, config, phone, null);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        String phone = verifiedPhone(user);
        if (phone == null) {
            context.challenge(context.form().createForm(NO_PHONE_TEMPLATE));
            return;
        }
        SmsCodeConfig config = SmsCodeConfig.of(context.getAuthenticatorConfig());
        SmsCodePolicy policy = config.policy();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        SmsCodeState state = readState(authSession);
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();

        if (form.containsKey(FIELD_RESEND)) {
            resend(context, config, state, phone);
            return;
        }
        if (state == null) {
            // Nothing was sent yet (the gateway failed): there is no code to compare with.
            context.challenge(page(context, config, null, phone, "vneidSmsCodeNotSent"));
            return;
        }
        String submitted = form.getFirst(FIELD_CODE);
        if (submitted == null || submitted.isBlank()) {
            context.challenge(page(context, config, state, phone, "vneidSmsCodeMissing"));
            return;
        }
        switch (state.verify(submitted, now(), policy)) {
            case ACCEPTED:
                clearState(authSession);
                context.success();
                return;
            case EXPIRED:
                context.getEvent().user(user).error(Errors.EXPIRED_CODE);
                context.challenge(page(context, config, state, phone, "vneidSmsCodeExpired"));
                return;
            case WRONG:
                SmsCodeState next = state.failedAttempt();
                writeState(authSession, next);
                context.getEvent().user(user).error(Errors.INVALID_USER_CREDENTIALS);
                context.failureChallenge(AuthenticationFlowError.INVALID_CREDENTIALS,
                        page(context, config, next, phone, "vneidSmsCodeWrong", next.remainingAttempts(policy)));
                return;
            case EXHAUSTED:
            default:
                context.getEvent().user(user).error(Errors.INVALID_USER_CREDENTIALS);
                KcBruteForce.recordFailure(context, user);
                // The reset clears every note (the code state with it); the message is set after, so it survives.
                context.resetFlow(() -> context.getAuthenticationSession()
                        .setAuthNote(LoginNotes.FLASH_ERROR, "vneidSmsCodeTooManyAttempts"));
        }
    }

    private void resend(AuthenticationFlowContext context, SmsCodeConfig config, SmsCodeState state, String phone) {
        if (state == null) {
            send(context, config, phone, null);
            return;
        }
        SmsCodePolicy policy = config.policy();
        switch (state.mayResend(now(), policy)) {
            case TOO_EARLY:
                context.challenge(page(context, config, state, phone, "vneidSmsResendTooEarly",
                        state.secondsUntilResend(now(), policy)));
                return;
            case LIMIT_REACHED:
                context.challenge(page(context, config, state, phone, "vneidSmsResendLimitReached"));
                return;
            case ALLOWED:
            default:
                send(context, config, phone, state);
        }
    }

    /** Sends a fresh code; the state (with the new hash) is stored only once the gateway accepted the message. */
    private void send(AuthenticationFlowContext context, SmsCodeConfig config, String phone, SmsCodeState previous) {
        SmsCodePolicy policy = config.policy();
        String code = SmsCodeState.newCode(policy);
        Instant now = now();
        SmsCodeState next = previous == null ? SmsCodeState.sent(code, now, 0, 0) : previous.resent(code, now);
        try {
            gateway(context.getSession(), config).send(phone, smsText(context, code, policy));
        } catch (SmsException | RuntimeException e) {
            LOG.warnf("SMS code for realm %s not sent: %s", context.getRealm().getName(), e.getMessage());
            context.getEvent().user(context.getUser()).error("vneid_sms_not_sent");
            context.challenge(page(context, config, previous, phone, "vneidSmsSendFailed"));
            return;
        }
        writeState(context.getAuthenticationSession(), next);
        context.challenge(page(context, config, next, phone, null));
    }

    private static SmsGateway gateway(KeycloakSession session, SmsCodeConfig config) throws SmsException {
        SmsGateway gateway = config.gateway() == null
                ? session.getProvider(SmsGateway.class)
                : session.getProvider(SmsGateway.class, config.gateway());
        if (gateway == null) {
            throw new SmsException("no SMS gateway '" + config.gateway() + "' is deployed");
        }
        return gateway;
    }

    private Response page(AuthenticationFlowContext context, SmsCodeConfig config, SmsCodeState state, String phone,
            String errorKey, Object... errorArgs) {
        SmsCodePolicy policy = config.policy();
        Instant now = now();
        var form = context.form()
                .setAttribute("maskedPhone", PhoneMask.mask(phone))
                .setAttribute("codeLength", policy.length())
                .setAttribute("ttlMinutes", Math.max(1, policy.ttl().toMinutes()))
                .setAttribute("codeSent", state != null)
                .setAttribute("resendWaitSeconds", state == null ? 0 : state.secondsUntilResend(now, policy))
                .setAttribute("resendsLeft", state == null ? policy.maxResends()
                        : Math.max(0, policy.maxResends() - state.resends()));
        if (errorKey != null) {
            form.addError(new FormMessage(FIELD_CODE, errorKey, errorArgs));
        }
        return form.createForm(TEMPLATE);
    }

    /**
     * The SMS is written without diacritics on purpose: plain GSM-7 text fits one 160-character message, while
     * Vietnamese with diacritics switches the SMS to UCS-2 (70 characters) and splits it.
     */
    private static String smsText(AuthenticationFlowContext context, String code, SmsCodePolicy policy)
            throws SmsException {
        RealmModel realm = context.getRealm();
        KeycloakSession session = context.getSession();
        Locale locale = session.getContext().resolveLocale(context.getUser());
        try {
            Properties messages = session.theme().getTheme(Theme.Type.LOGIN).getEnhancedMessages(realm, locale);
            String pattern = messages.getProperty("vneidSmsCodeText", "VNeID: {0} ({1} min)");
            return new MessageFormat(pattern, locale).format(
                    new Object[] {code, String.valueOf(Math.max(1, policy.ttl().toMinutes()))});
        } catch (IOException e) {
            throw new SmsException("cannot load the login theme's messages", e);
        }
    }

    static String verifiedPhone(UserModel user) {
        if (user == null || !Boolean.parseBoolean(user.getFirstAttribute(ATTR_PHONE_VERIFIED))) {
            return null;
        }
        String phone = user.getFirstAttribute(ATTR_PHONE);
        return phone == null || phone.isBlank() ? null : phone.strip();
    }

    private static SmsCodeState readState(AuthenticationSessionModel authSession) {
        String hash = authSession.getAuthNote(LoginNotes.SMS_HASH);
        String salt = authSession.getAuthNote(LoginNotes.SMS_SALT);
        String sentAt = authSession.getAuthNote(LoginNotes.SMS_SENT_AT);
        if (hash == null || salt == null || sentAt == null) {
            return null;
        }
        try {
            return new SmsCodeState(hash, salt, Instant.ofEpochMilli(Long.parseLong(sentAt)),
                    Integer.parseInt(authSession.getAuthNote(LoginNotes.SMS_ATTEMPTS)),
                    Integer.parseInt(authSession.getAuthNote(LoginNotes.SMS_RESENDS)));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void writeState(AuthenticationSessionModel authSession, SmsCodeState state) {
        authSession.setAuthNote(LoginNotes.SMS_HASH, state.hash());
        authSession.setAuthNote(LoginNotes.SMS_SALT, state.salt());
        authSession.setAuthNote(LoginNotes.SMS_SENT_AT, String.valueOf(state.sentAt().toEpochMilli()));
        authSession.setAuthNote(LoginNotes.SMS_ATTEMPTS, String.valueOf(state.attempts()));
        authSession.setAuthNote(LoginNotes.SMS_RESENDS, String.valueOf(state.resends()));
    }

    private static void clearState(AuthenticationSessionModel authSession) {
        authSession.removeAuthNote(LoginNotes.SMS_HASH);
        authSession.removeAuthNote(LoginNotes.SMS_SALT);
        authSession.removeAuthNote(LoginNotes.SMS_SENT_AT);
        authSession.removeAuthNote(LoginNotes.SMS_ATTEMPTS);
        authSession.removeAuthNote(LoginNotes.SMS_RESENDS);
    }

    private Instant now() {
        return clock.instant();
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    /**
     * Always true: an account without a verified phone must reach this step and see what to do, rather than have
     * the step silently skipped or the flow end in a generic error.
     */
    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
