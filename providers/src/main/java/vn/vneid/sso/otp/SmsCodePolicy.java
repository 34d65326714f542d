package vn.vneid.sso.otp;

import java.time.Duration;

/**
 * The limits of the SMS code step. Defaults follow the level-1 login issue: 6 digits, valid 5 minutes, 5 wrong
 * tries per login, a resend after 60 seconds and at most 3 resends per login.
 */
public final class SmsCodePolicy {

    public static final int DEFAULT_LENGTH = 6;
    public static final Duration DEFAULT_TTL = Duration.ofMinutes(5);
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    public static final Duration DEFAULT_RESEND_COOLDOWN = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_RESENDS = 3;
    /** The digits a code can have. */
    public static final int MIN_LENGTH = 4;
    public static final int MAX_LENGTH = 10;
    /** The longest lifetime an administrator can give a code (SmsCodeConfig). */
    public static final Duration MAX_CONFIGURABLE_TTL = Duration.ofMinutes(15);

    private final int length;
    private final Duration ttl;
    private final int maxAttempts;
    private final Duration resendCooldown;
    private final int maxResends;

    public SmsCodePolicy(int length, Duration ttl, int maxAttempts, Duration resendCooldown, int maxResends) {
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new IllegalArgumentException("code length must be " + MIN_LENGTH + ".." + MAX_LENGTH);
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("code lifetime must be positive");
        }
        if (maxAttempts < 1 || resendCooldown.isNegative() || maxResends < 0) {
            throw new IllegalArgumentException("attempts must be positive, cooldown and resends not negative");
        }
        this.length = length;
        this.ttl = ttl;
        this.maxAttempts = maxAttempts;
        this.resendCooldown = resendCooldown;
        this.maxResends = maxResends;
    }

    public static SmsCodePolicy defaults() {
        return new SmsCodePolicy(DEFAULT_LENGTH, DEFAULT_TTL, DEFAULT_MAX_ATTEMPTS, DEFAULT_RESEND_COOLDOWN,
                DEFAULT_MAX_RESENDS);
    }

    public int length() {
        return length;
    }

    public Duration ttl() {
        return ttl;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Duration resendCooldown() {
        return resendCooldown;
    }

    public int maxResends() {
        return maxResends;
    }
}
