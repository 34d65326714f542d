package vn.vneid.sso.login;

import java.time.Clock;
import java.time.Instant;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Errors;
import org.keycloak.models.RequiredActionProviderModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

import vn.vneid.sso.kc.KcBruteForce;
import vn.vneid.sso.otp.SmsCodePolicy;
import vn.vneid.sso.otp.SmsCodeChallenge;
import vn.vneid.sso.otp.SmsCodeNotes;
import vn.vneid.sso.otp.SmsCodeState;
import vn.vneid.sso.phone.PhoneMask;
import vn.vneid.sso.phone.PhoneRecheck;
import vn.vneid.sso.profile.CitizenProfile;
import vn.vneid.sso.kc.AlwaysConfiguredAuthenticator;

/**
 * Second step of the level-1 login: a one-time code sent by SMS to the account's verified phone. The code is kept
 * only as a salted hash in the authentication session (distributed, so any cluster node can check it).
 */
final class SmsCodeAuthenticator implements AlwaysConfiguredAuthenticator {

    static final String TEMPLATE = "vneid-sms-code.ftl";
    static final String NO_PHONE_TEMPLATE = "vneid-no-phone.ftl";
    static final String FIELD_CODE = "code";
    static final String FIELD_RESEND = "resend";
    static final String FIELD_BIND_PHONE = "bindPhone";

    private static final SmsCodeNotes NOTES = new SmsCodeNotes("vneid.sms.");

    private final Clock clock;

    SmsCodeAuthenticator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        String phone = CitizenProfile.verifiedPhone(user);
        if (phone == null) {
            context.getEvent().user(user).error("vneid_no_verified_phone");
            context.challenge(noPhonePage(context, null));
            return;
        }
        if (NOTES.read(context.getAuthenticationSession()) == null && !PhoneRecheck.stillUsable(context.getSession(), user.getUsername(), phone)) {
            // Issue #4: a revoked, locked or re-assigned SIM would leave the citizen waiting for a code that never
            // comes; the phone stops counting and the citizen registers a number of their own instead.
            // Issue #11: the lost SIM can prove nothing any more, so the new binding needs the chip ID card.
            user.setSingleAttribute(CitizenProfile.PHONE_VERIFIED, "false");
            user.setSingleAttribute(CitizenProfile.PHONE_REBIND_NEEDS_CHIP, "true");
            context.getEvent().user(user).detail("vneid_phone", "no_longer_usable")
                    .error("vneid_phone_no_longer_usable");
            context.challenge(noPhonePage(context, "vneidPhoneNoLongerValid"));
            return;
        }
        SmsCodeConfig config = SmsCodeConfig.of(context.getAuthenticatorConfig());
        SmsCodeState state = NOTES.read(context.getAuthenticationSession());
        if (state != null) {
            // A page refresh lands here again: show the page for the code already sent instead of sending another.
            String error = state.isExpired(now(), config.policy()) ? "vneidSmsCodeExpired" : null;
            context.challenge(page(context, config, state, phone, error));
            return;
        }
        send(context, config, phone);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String phone = CitizenProfile.verifiedPhone(user);
        if (phone == null) {
            if (form.containsKey(FIELD_BIND_PHONE)) {
                // Password so far; the binding proves possession of a SIM the telecom registry ties to this
                // citizen's own number, so the login ends only once that second factor is in place. Keycloak skips a
                // disabled required action without a word: the login would then end on the password alone.
                RequiredActionProviderModel binding = context.getRealm()
                        .getRequiredActionProviderByAlias(CitizenProfile.VERIFY_PHONE_ACTION);
                if (binding == null || !binding.isEnabled()) {
                    context.getEvent().user(user).detail("reason", "binding_disabled").error("vneid_phone_binding_off");
                    context.challenge(noPhonePage(context, "vneidPhoneBindingUnavailable"));
                    return;
                }
                context.getAuthenticationSession().addRequiredAction(CitizenProfile.VERIFY_PHONE_ACTION);
                context.success();
                return;
            }
            context.challenge(noPhonePage(context, null));
            return;
        }
        SmsCodeConfig config = SmsCodeConfig.of(context.getAuthenticatorConfig());
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        SmsCodeChallenge challenge = challenge(config);
        if (form.containsKey(FIELD_RESEND)) {
            send(context, config, phone);
            return;
        }
        if (KcBruteForce.isLocked(context, user)) {
            // Locked since the password step (by this session's wrong codes or by guessing elsewhere): no code is
            // accepted until the lock ends (issue #11).
            context.getEvent().user(user).error(Errors.USER_TEMPORARILY_DISABLED);
            context.resetFlow(() -> context.getAuthenticationSession()
                    .setAuthNote(LoginNotes.FLASH_ERROR, "vneidAccountTemporarilyLocked"));
            return;
        }
        String submitted = form.getFirst(FIELD_CODE);
        if (challenge.state(authSession) != null && (submitted == null || submitted.isBlank())) {
            context.challenge(page(context, config, challenge.state(authSession), phone, "vneidSmsCodeMissing"));
            return;
        }
        SmsCodeState.Verdict verdict = challenge.check(authSession, submitted);
        if (verdict == null) {
            // Nothing was sent yet (the gateway failed): there is no code to compare with.
            context.challenge(page(context, config, null, phone, "vneidSmsCodeNotSent"));
            return;
        }
        switch (verdict) {
            case ACCEPTED:
                KcBruteForce.credentialUsed(authSession, KcBruteForce.SECOND_FACTOR);
                new LoginThrottle(context.getSession(), context.getRealm().getId(), clock)
                        .succeeded(user.getUsername());
                context.success();
                return;
            case EXPIRED:
                context.getEvent().user(user).error(Errors.EXPIRED_CODE);
                context.challenge(page(context, config, challenge.state(authSession), phone, "vneidSmsCodeExpired"));
                return;
            case WRONG:
                context.getEvent().user(user).error(Errors.INVALID_USER_CREDENTIALS);
                KcBruteForce.recordSecondFactorFailure(context, user);
                context.challenge(page(context, config, challenge.state(authSession), phone, "vneidSmsCodeWrong",
                        challenge.remainingAttempts(authSession)));
                return;
            case EXHAUSTED:
            default:
                context.getEvent().user(user).error(Errors.INVALID_USER_CREDENTIALS);
                KcBruteForce.recordSecondFactorFailure(context, user);
                // The reset clears every note (the code state with it); the message is set after, so it survives.
                context.resetFlow(() -> context.getAuthenticationSession()
                        .setAuthNote(LoginNotes.FLASH_ERROR, "vneidSmsCodeTooManyAttempts"));
        }
    }

    private void send(AuthenticationFlowContext context, SmsCodeConfig config, String phone) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        SmsCodeChallenge challenge = challenge(config);
        SmsCodeChallenge.Sent sent = challenge.send(context.getSession(), authSession, context.getUser(),
                context.getConnection().getRemoteAddr(), phone);
        if (sent.eventError() != null) {
            context.getEvent().user(context.getUser()).detail("reason", sent.eventReason()).error(sent.eventError());
        }
        context.challenge(page(context, config, challenge.state(authSession), phone,
                sent.messageKey(), sent.arguments()));
    }

    private SmsCodeChallenge challenge(SmsCodeConfig config) {
        return new SmsCodeChallenge(NOTES, config.policy(), config.limits(), config.gateway(), clock);
    }

    private Response page(AuthenticationFlowContext context, SmsCodeConfig config, SmsCodeState state, String phone,
            String errorKey, Object... errorArgs) {
        SmsCodePolicy policy = config.policy();
        Instant now = now();
        var form = context.form()
                .setAttribute("maskedPhone", PhoneMask.mask(phone))
                .setAttribute("codeLength", state == null ? policy.length() : state.codeLength(policy))
                .setAttribute("ttlMinutes", Math.max(1, (state == null ? policy.ttl() : state.lifetime(policy))
                        .toMinutes()))
                .setAttribute("codeSent", state != null)
                .setAttribute("resendWaitSeconds", state == null ? 0 : state.secondsUntilResend(now, policy))
                .setAttribute("resendsLeft", state == null ? policy.maxResends()
                        : Math.max(0, policy.maxResends() - state.resends()));
        if (errorKey != null) {
            form.addError(new FormMessage(FIELD_CODE, errorKey, errorArgs));
        }
        return form.createForm(TEMPLATE);
    }

    private static Response noPhonePage(AuthenticationFlowContext context, String reasonKey) {
        var form = context.form();
        if (reasonKey != null) {
            form.setError(reasonKey);
        }
        return form.createForm(NO_PHONE_TEMPLATE);
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
}
