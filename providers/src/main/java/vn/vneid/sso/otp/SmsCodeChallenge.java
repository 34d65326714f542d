package vn.vneid.sso.otp;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import vn.vneid.sso.limit.FixedWindowLimiter;
import vn.vneid.sso.sms.SmsCodeSender;
import vn.vneid.sso.sms.SmsException;

/**
 * One code sent by SMS and checked, as the login step, the phone binding and the phone change all use it: resend
 * rules, the cluster-wide send limits, the localised SMS, and the code kept hashed in the authentication session.
 * Callers keep only their pages and events.
 */
public final class SmsCodeChallenge {

    /**
     * What a send request led to.
     *
     * @param refusal the message key when nothing was sent, with its arguments; null when sent
     * @param eventError the event error to record when refused
     * @param notice a message key for the citizen although the code counts as sent (it may arrive late), or null
     */
    public record Sent(String refusal, Object[] arguments, String eventError, String eventReason, String notice) {

        /** A code is valid now: surely sent, or possibly (the gateway timed out after taking the request). */
        public boolean delivered() {
            return refusal == null;
        }

        /** What the page says: the refusal, or the notice of a code that counts as sent; null when nothing. */
        public String messageKey() {
            return delivered() ? notice : refusal;
        }

        static Sent sent() {
            return new Sent(null, new Object[0], null, null, null);
        }

        static Sent mayArriveLate() {
            return new Sent(null, new Object[0], null, null, "vneidSmsMayArriveLate");
        }

        static Sent refused(String key, String eventError, String eventReason, Object... arguments) {
            return new Sent(key, arguments, eventError, eventReason, null);
        }
    }

    private static final Logger LOG = Logger.getLogger(SmsCodeChallenge.class);

    private final SmsCodeNotes notes;
    private final SmsCodePolicy policy;
    private final SendLimits limits;
    private final String gatewayId;
    private final Clock clock;

    /** @param gatewayId the SMS gateway provider id, or null for the server's default */
    public SmsCodeChallenge(SmsCodeNotes notes, SmsCodePolicy policy, SendLimits limits, String gatewayId,
            Clock clock) {
        this.notes = notes;
        this.policy = policy;
        this.limits = limits;
        this.gatewayId = gatewayId;
        this.clock = clock;
    }

    public SmsCodeState state(AuthenticationSessionModel authSession) {
        return notes.read(authSession);
    }

    /**
     * Sends a code to {@code e164}: the first one, or a new one when the resend rules allow it. The new state is
     * stored only once the gateway accepted the message, so a failed send leaves the previous code valid.
     */
    public Sent send(KeycloakSession session, AuthenticationSessionModel authSession, UserModel user, String clientIp,
            String e164) {
        return send(session, authSession, user, user.getId(), clientIp, e164);
    }

    /**
     * As above, for a code sent before any account exists (level-1 registration, issue #15): {@code accountKey} stands
     * for the account in the per-account limit, and the SMS is in the request's language.
     *
     * @param user the account, or null when there is none yet
     */
    public Sent send(KeycloakSession session, AuthenticationSessionModel authSession, UserModel user,
            String accountKey, String clientIp, String e164) {
        Instant now = clock.instant();
        SmsCodeState previous = notes.read(authSession);
        if (previous != null) {
            switch (previous.mayResend(now, policy)) {
                case TOO_EARLY:
                    return Sent.refused("vneidSmsResendTooEarly", null, null,
                            previous.secondsUntilResend(now, policy));
                case LIMIT_REACHED:
                    return Sent.refused("vneidSmsResendLimitReached", null, null);
                default:
                    break;
            }
        }
        Optional<SendLimits.Limit> limited = new FixedWindowLimiter(session)
                .tryAcquire(limits.counters(e164, accountKey, clientIp, now));
        if (limited.isPresent()) {
            return Sent.refused(limited.get().messageKey(), "vneid_sms_limited",
                    "limit_" + limited.get().name().toLowerCase(Locale.ROOT));
        }
        String code = SmsCodeState.newCode(policy);
        SmsCodeState next = (previous == null ? SmsCodeState.sent(code, now, 0, 0) : previous.resent(code, now))
                .lasting(policy.ttl());
        try {
            SmsCodeSender.send(session, user, gatewayId, e164, code, policy.ttl());
        } catch (SmsException e) {
            LOG.warnf("SMS code for realm %s not sent: %s", session.getContext().getRealm().getName(),
                    e.getMessage());
            if (e.mayHaveBeenDelivered()) {
                // The gateway may have taken it: the citizen may hold this very code in a minute, so it stays valid
                // (and counts as a send) rather than being refused when it arrives (issue #11).
                notes.write(authSession, next);
                return Sent.mayArriveLate();
            }
            return Sent.refused("vneidSmsSendFailed", "vneid_sms_not_sent", null);
        } catch (RuntimeException e) {
            LOG.warnf("SMS code for realm %s not sent: unexpected %s", session.getContext().getRealm().getName(),
                    e.getClass().getSimpleName());
            return Sent.refused("vneidSmsSendFailed", "vneid_sms_not_sent", null);
        }
        notes.write(authSession, next);
        return Sent.sent();
    }

    /**
     * Checks a submitted code and moves the state on: a wrong try is counted, an accepted or exhausted code is
     * cleared. Without a code sent, the answer is {@code null}.
     */
    public SmsCodeState.Verdict check(AuthenticationSessionModel authSession, String submitted) {
        SmsCodeState state = notes.read(authSession);
        if (state == null) {
            return null;
        }
        SmsCodeState.Verdict verdict = state.verify(submitted, clock.instant(), policy);
        switch (verdict) {
            case WRONG:
                notes.write(authSession, state.failedAttempt());
                break;
            case ACCEPTED:
            case EXHAUSTED:
                notes.clear(authSession);
                break;
            default:
                break;
        }
        return verdict;
    }

    /** Tries left after the last check. */
    public int remainingAttempts(AuthenticationSessionModel authSession) {
        SmsCodeState state = notes.read(authSession);
        return state == null ? 0 : state.remainingAttempts(policy);
    }

    public void clear(AuthenticationSessionModel authSession) {
        notes.clear(authSession);
    }

    public SmsCodePolicy policy() {
        return policy;
    }
}
