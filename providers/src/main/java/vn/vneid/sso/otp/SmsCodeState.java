package vn.vneid.sso.otp;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The code sent during one login, as the server keeps it: a salted SHA-256 of the code (never the code), when it
 * was sent, the wrong tries and the resends so far. Immutable; each step returns the next state. The rules that
 * decide on a submitted code or a resend live here, with no Keycloak types, so they are unit-tested directly.
 * <p>
 * A code keeps the length and lifetime it was sent with: an administrator who changes the rules while citizens hold
 * codes (a day's work at national scale) must not make those codes wrong, nor shorter-lived than their SMS said.
 * The tries and resends left follow the rules in force.
 */
public final class SmsCodeState {

    /** What a submitted code leads to. */
    public enum Verdict {
        /** The code is right and fresh: the step succeeds. */
        ACCEPTED,
        /** Wrong code; tries remain. */
        WRONG,
        /** The code's lifetime is over: a new one must be requested. */
        EXPIRED,
        /** This was the last allowed wrong try: the login starts again. */
        EXHAUSTED
    }

    /** What a resend request leads to. */
    public enum ResendVerdict {
        ALLOWED, TOO_EARLY, LIMIT_REACHED
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Marks the salt of a code whose hash is keyed with the server's {@link CodeHashKey}. */
    static final String KEYED = "k1.";

    private final String hash;
    private final String salt;
    private final Instant sentAt;
    private final int attempts;
    private final int resends;
    /** The code's own length and lifetime; 0 and null for a state kept before they were: the rules in force then. */
    private final int length;
    private final Duration ttl;

    public SmsCodeState(String hash, String salt, Instant sentAt, int attempts, int resends) {
        this(hash, salt, sentAt, attempts, resends, 0, null);
    }

    public SmsCodeState(String hash, String salt, Instant sentAt, int attempts, int resends, int length,
            Duration ttl) {
        this.hash = hash;
        this.salt = salt;
        this.sentAt = sentAt;
        this.attempts = attempts;
        this.resends = resends;
        this.length = Math.max(0, length);
        this.ttl = ttl == null || ttl.isNegative() || ttl.isZero() ? null : ttl;
    }

    /** A fresh random code of the policy's length, digits only, leading zeros kept. */
    public static String newCode(SmsCodePolicy policy) {
        StringBuilder code = new StringBuilder(policy.length());
        for (int i = 0; i < policy.length(); i++) {
            code.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return code.toString();
    }

    /** The state after sending {@code code}; wrong tries carry over so that resending does not buy more guesses. */
    public static SmsCodeState sent(String code, Instant now, int attemptsSoFar, int resendsSoFar) {
        return sent(code, now, attemptsSoFar, resendsSoFar, null);
    }

    /**
     * The same, the hash keyed with {@code key} when there is one (codes kept in the database). A keyed salt says so,
     * with the key's id ({@value #KEYED}{@code <id>.<random>}, 32 characters), so that a code is checked the way it
     * was hashed, and a code hashed with another key is told apart from a wrong one.
     */
    public static SmsCodeState sent(String code, Instant now, int attemptsSoFar, int resendsSoFar, CodeHashKey key) {
        byte[] saltBytes = new byte[16];
        RANDOM.nextBytes(saltBytes);
        String salt = (key == null ? "" : KEYED + key.id() + ".")
                + Base64.getUrlEncoder().withoutPadding().encodeToString(saltBytes);
        return new SmsCodeState(hash(code, salt, key), salt, now, attemptsSoFar, resendsSoFar, code.length(), null);
    }

    /** The same state, the code valid for {@code lifetime} from when it was sent, whatever the rules say later. */
    public SmsCodeState lasting(Duration lifetime) {
        return new SmsCodeState(hash, salt, sentAt, attempts, resends, length, lifetime);
    }

    /**
     * True when a code with this salt cannot be checked with {@code key}: it was hashed with a key and this server
     * has none, or another one (the key file changed). Such a code is neither right nor wrong: a new one is needed.
     */
    public static boolean needsAnotherKey(String salt, CodeHashKey key) {
        return salt != null && salt.startsWith(KEYED)
                && (key == null || !salt.startsWith(KEYED + key.id() + "."));
    }

    public SmsCodeState resent(String code, Instant now) {
        return sent(code, now, attempts, resends + 1);
    }

    public Verdict verify(String submitted, Instant now, SmsCodePolicy policy) {
        return verify(submitted, now, policy, null);
    }

    /** A keyed code matches only with the key it was hashed with; without a key it matches nothing. */
    public Verdict verify(String submitted, Instant now, SmsCodePolicy policy, CodeHashKey key) {
        if (attempts >= policy.maxAttempts()) {
            return Verdict.EXHAUSTED;
        }
        if (isExpired(now, policy)) {
            return Verdict.EXPIRED;
        }
        String candidate = submitted == null ? "" : submitted.strip();
        String candidateHash = candidate.length() == codeLength(policy) ? hash(candidate, salt, key) : null;
        boolean right = candidateHash != null && MessageDigest.isEqual(candidateHash.getBytes(), hash.getBytes());
        if (right) {
            return Verdict.ACCEPTED;
        }
        return attempts + 1 >= policy.maxAttempts() ? Verdict.EXHAUSTED : Verdict.WRONG;
    }

    /** The state after a wrong try. */
    public SmsCodeState failedAttempt() {
        return new SmsCodeState(hash, salt, sentAt, attempts + 1, resends, length, ttl);
    }

    public ResendVerdict mayResend(Instant now, SmsCodePolicy policy) {
        if (resends >= policy.maxResends()) {
            return ResendVerdict.LIMIT_REACHED;
        }
        return now.isBefore(sentAt.plus(policy.resendCooldown())) ? ResendVerdict.TOO_EARLY : ResendVerdict.ALLOWED;
    }

    /** Whole seconds until a resend is allowed, rounded up; zero when it already is. */
    public long secondsUntilResend(Instant now, SmsCodePolicy policy) {
        long millis = Duration.between(now, sentAt.plus(policy.resendCooldown())).toMillis();
        return millis <= 0 ? 0 : (millis + 999) / 1000;
    }

    public boolean isExpired(Instant now, SmsCodePolicy policy) {
        return !now.isBefore(sentAt.plus(lifetime(policy)));
    }

    public int remainingAttempts(SmsCodePolicy policy) {
        return Math.max(0, policy.maxAttempts() - attempts);
    }

    /** Null when the salt is keyed and there is no key, or another: such a code cannot be checked here. */
    static String hash(String code, String salt, CodeHashKey key) {
        if (salt.startsWith(KEYED)) {
            return needsAnotherKey(salt, key) ? null : key.hash(salt, code);
        }
        return hash(code, salt);
    }

    static String hash(String code, String salt) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(salt.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            sha256.update(code.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    public String hash() {
        return hash;
    }

    public String salt() {
        return salt;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public int attempts() {
        return attempts;
    }

    /** Digits of this code: as sent, or the rules' for a state that does not know. */
    public int codeLength(SmsCodePolicy policy) {
        return length > 0 ? length : policy.length();
    }

    /** Lifetime of this code: as sent, or the rules' for a state that does not know. */
    public Duration lifetime(SmsCodePolicy policy) {
        return ttl != null ? ttl : policy.ttl();
    }

    /** The code's length as sent; 0 when not known (then the rules in force decide). */
    public int length() {
        return length;
    }

    /** The code's lifetime as sent; null when not known (then the rules in force decide). */
    public Duration ttl() {
        return ttl;
    }

    public int resends() {
        return resends;
    }
}
