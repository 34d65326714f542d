package vn.vneid.sso.recovery;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Errors;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

import vn.vneid.sso.kc.AlwaysConfiguredAuthenticator;
import vn.vneid.sso.kc.KcBruteForce;
import vn.vneid.sso.limit.FixedWindowLimiter;
import vn.vneid.sso.login.SmsCodeConfig;
import vn.vneid.sso.otp.SendLimits;
import vn.vneid.sso.otp.SmsCodePolicy;
import vn.vneid.sso.otp.SmsCodeState;
import vn.vneid.sso.profile.CitizenProfile;
import vn.vneid.sso.sms.SmsCodeSender;
import vn.vneid.sso.sms.SmsException;

/**
 * Second step of the forgotten-password flow (issue #17): a code by SMS to the account's verified phone, with the
 * login's code rules, send limits and gateway (the execution has the SMS code step's config). For a number without an
 * account that can recover, the step does the same work (a code drawn, hashed and stored, the same counters) but sends
 * nothing and accepts no code, so the page, its timing and its answers are the same. Every SMS leaves after the
 * response's transaction, on a worker thread ({@link RecoverySms}): the gateway's latency tells nothing either.
 */
final class RecoveryCodeAuthenticator implements AlwaysConfiguredAuthenticator {

    static final String TEMPLATE = "vneid-recovery-code.ftl";
    static final String FIELD_CODE = "code";
    static final String FIELD_RESEND = "resend";

    private static final Logger LOG = Logger.getLogger(RecoveryCodeAuthenticator.class);

    private final Clock clock;

    RecoveryCodeAuthenticator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        SmsCodeConfig config = SmsCodeConfig.of(context.getAuthenticatorConfig());
        SmsCodeState state = RecoveryNotes.CODE.read(context.getAuthenticationSession());
        if (state != null) {
            // A page refresh: the page for the code already sent, not another SMS.
            String error = state.isExpired(clock.instant(), config.policy()) ? "vneidSmsCodeExpired" : null;
            context.challenge(page(context, config, state, error));
            return;
        }
        send(context, config);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        SmsCodeConfig config = SmsCodeConfig.of(context.getAuthenticatorConfig());
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (form.containsKey(FIELD_RESEND)) {
            send(context, config);
            return;
        }
        SmsCodeState state = RecoveryNotes.CODE.read(authSession);
        if (state == null) {
            send(context, config);
            return;
        }
        String submitted = form.getFirst(FIELD_CODE);
        if (submitted == null || submitted.isBlank()) {
            context.challenge(page(context, config, state, "vneidSmsCodeMissing"));
            return;
        }
        UserModel subject = subject(context);
        SmsCodeState.Verdict verdict = state.verify(submitted.strip(), clock.instant(), config.policy());
        if (verdict == SmsCodeState.Verdict.ACCEPTED
                && (subject == null || KcBruteForce.isLocked(context, subject))) {
            // No account, or locked since the first step (by guessing elsewhere): no code opens it (issue #17).
            verdict = state.attempts() + 1 >= config.policy().maxAttempts()
                    ? SmsCodeState.Verdict.EXHAUSTED : SmsCodeState.Verdict.WRONG;
        }
        switch (verdict) {
            case ACCEPTED:
                RecoveryNotes.CODE.clear(authSession);
                authSession.setAuthNote(RecoveryNotes.CODE_VERIFIED, subject.getId());
                RecoveryEvents.EVENTS.step(context.getEvent(), subject, "code_verified");
                context.setUser(subject);
                context.success();
                return;
            case EXPIRED:
                RecoveryEvents.EVENTS.refused(context.getEvent(), subject, "code_expired");
                context.challenge(page(context, config, state, "vneidSmsCodeExpired"));
                return;
            case WRONG:
                SmsCodeState counted = state.failedAttempt();
                RecoveryNotes.CODE.write(authSession, counted);
                wrongCode(context, subject);
                context.challenge(page(context, config, counted, "vneidSmsCodeWrong",
                        counted.remainingAttempts(config.policy())));
                return;
            case EXHAUSTED:
            default:
                RecoveryNotes.CODE.clear(authSession);
                wrongCode(context, subject);
                // The reset clears every note (the code state with it); the message is set after, so it survives.
                context.resetFlow(() -> context.getAuthenticationSession()
                        .setAuthNote(RecoveryNotes.FLASH_ERROR, "vneidRecoveryCodeTooManyAttempts"));
        }
    }

    /** Recovery codes count for Keycloak's brute-force detection as the login's do (issue #17). */
    private static void wrongCode(AuthenticationFlowContext context, UserModel subject) {
        RecoveryEvents.EVENTS.refused(context.getEvent(), subject, "wrong_code");
        if (subject != null) {
            KcBruteForce.recordSecondFactorFailure(context, subject);
        }
    }

    /**
     * Draws and stores a code, and sends it when there is an account to send it to. The resend rules and the send
     * limits are applied to every number alike; a refused send is told only by the event, as telling it on the page
     * would tell that the number has a phone.
     */
    private void send(AuthenticationFlowContext context, SmsCodeConfig config) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        SmsCodePolicy policy = config.policy();
        Instant now = clock.instant();
        SmsCodeState previous = RecoveryNotes.CODE.read(authSession);
        if (previous != null) {
            switch (previous.mayResend(now, policy)) {
                case TOO_EARLY:
                    context.challenge(page(context, config, previous, "vneidSmsResendTooEarly",
                            previous.secondsUntilResend(now, policy)));
                    return;
                case LIMIT_REACHED:
                    context.challenge(page(context, config, previous, "vneidSmsResendLimitReached"));
                    return;
                default:
                    break;
            }
        }
        UserModel subject = subject(context);
        String phone = subject == null ? null : CitizenProfile.verifiedPhone(subject);
        String idKey = String.valueOf(authSession.getAuthNote(RecoveryNotes.ID_KEY));
        Optional<SendLimits.Limit> limited = new FixedWindowLimiter(context.getSession()).tryAcquire(
                config.limits().scoped("recovery").counters(phone != null ? phone : "recovery." + idKey,
                        subject != null ? subject.getId() : "recovery." + idKey,
                        context.getConnection().getRemoteAddr(), now));
        String code = SmsCodeState.newCode(policy);
        SmsCodeState next = (previous == null ? SmsCodeState.sent(code, now, 0, 0) : previous.resent(code, now))
                .lasting(policy.ttl());
        RecoveryNotes.CODE.write(authSession, next);
        if (limited.isPresent()) {
            RecoveryEvents.EVENTS.refused(context.getEvent(), subject,
                    "sms_limit_" + limited.get().name().toLowerCase(Locale.ROOT));
        } else if (phone != null) {
            dispatch(context, config, subject, phone, code);
        }
        context.challenge(page(context, config, next, null));
    }

    private static void dispatch(AuthenticationFlowContext context, SmsCodeConfig config, UserModel subject,
            String phone, String code) {
        try {
            String text = SmsCodeSender.localised(context.getSession(), subject, "vneidRecoverySmsCodeText", code,
                    String.valueOf(Math.max(1, config.policy().ttl().toMinutes())));
            RecoverySms.sendAfterCommit(context.getSession(), config.gateway(), phone, text, subject.getUsername());
        } catch (SmsException e) {
            LOG.warnf("recovery code for realm %s not sent: %s", context.getRealm().getName(), e.getMessage());
            context.getEvent().clone().user(subject).detail("reason", "sms_text").error(Errors.INVALID_CONFIG);
        }
    }

    /** The account this recovery is for, or null when the number led to none that can recover. */
    private static UserModel subject(AuthenticationFlowContext context) {
        String id = context.getAuthenticationSession().getAuthNote(RecoveryNotes.SUBJECT);
        return id == null ? null : context.getSession().users().getUserById(context.getRealm(), id);
    }

    private Response page(AuthenticationFlowContext context, SmsCodeConfig config, SmsCodeState state,
            String errorKey, Object... errorArgs) {
        SmsCodePolicy policy = config.policy();
        var form = context.form()
                .setAttribute("codeLength", state.codeLength(policy))
                .setAttribute("ttlMinutes", Math.max(1, state.lifetime(policy).toMinutes()))
                .setAttribute("resendWaitSeconds", state.secondsUntilResend(clock.instant(), policy))
                .setAttribute("resendsLeft", Math.max(0, policy.maxResends() - state.resends()));
        if (errorKey != null) {
            form.addError(new FormMessage(FIELD_CODE, errorKey, errorArgs));
        }
        return form.createForm(TEMPLATE);
    }

    @Override
    public boolean requiresUser() {
        return false;
    }
}
