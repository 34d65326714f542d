package vn.vneid.sso.approval;

import java.time.Duration;
import java.time.Instant;

import vn.vneid.sso.otp.CodeHashKey;
import vn.vneid.sso.otp.SmsCodePolicy;
import vn.vneid.sso.otp.SmsCodeState;

/**
 * Decides on what a citizen typed on the activation page (issue #15 part 4): the phone must be the record's, the code
 * the one sent for it, within its lifetime and the attempt limit. The citizen is told one neutral answer whatever was
 * wrong; the reason here goes only to the event. A wrong code counts an attempt only when the number and the phone
 * were right (a stranger who knows a national ID but not the phone cannot use up the citizen's attempts).
 */
public final class ActivationCheck {

    /** What the server keeps of an approved record's activation code: the salted, keyed hash, never the code. */
    public record Stored(String phone, String hash, String salt, Instant sentAt, Instant expiresAt, int attempts) {
    }

    public record Result(boolean accepted, String reason, boolean countsAttempt) {
        static Result refused(String reason, boolean countsAttempt) {
            return new Result(false, reason, countsAttempt);
        }
    }

    /** The reason when the record's code was hashed with a key this server does not have. */
    public static final String KEY_MISSING = "code_key_missing";

    private ActivationCheck() {
    }

    /**
     * @param stored the approved record of this national ID, or null when there is none
     * @param key the server's code hash key, or null when it has none
     */
    public static Result check(Stored stored, String phoneE164, String code, Instant now, int codeLength,
            int maxAttempts, CodeHashKey key) {
        if (stored == null || stored.hash() == null) {
            return Result.refused("no_approved_record", false);
        }
        if (!stored.phone().equals(phoneE164)) {
            return Result.refused("wrong_phone", false);
        }
        Duration ttl = Duration.between(stored.sentAt(), stored.expiresAt());
        if (!now.isBefore(stored.expiresAt()) || ttl.isNegative() || ttl.isZero()) {
            return Result.refused("code_expired", false);
        }
        if (SmsCodeState.needsAnotherKey(stored.salt(), key)) {
            // Hashed with a key this server does not have (not set on this node, or the file changed): the citizen's
            // code may well be right, so no attempt is counted; the officer sends a new code.
            return Result.refused(KEY_MISSING, false);
        }
        SmsCodePolicy policy = new SmsCodePolicy(codeLength, ttl, maxAttempts, Duration.ZERO, 0);
        SmsCodeState state = new SmsCodeState(stored.hash(), stored.salt(), stored.sentAt(), stored.attempts(), 0);
        return switch (state.verify(code, now, policy, key)) {
            case ACCEPTED -> new Result(true, null, false);
            case EXPIRED -> Result.refused("code_expired", false);
            case EXHAUSTED -> Result.refused(stored.attempts() >= maxAttempts ? "attempts_exhausted" : "wrong_code",
                    stored.attempts() < maxAttempts);
            case WRONG -> Result.refused("wrong_code", true);
        };
    }
}
