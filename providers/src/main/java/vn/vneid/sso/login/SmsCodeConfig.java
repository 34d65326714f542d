package vn.vneid.sso.login;

import java.time.Duration;
import java.util.Map;

import org.jboss.logging.Logger;
import org.keycloak.models.AuthenticatorConfigModel;

import vn.vneid.sso.otp.SendLimits;
import vn.vneid.sso.otp.SendLimitsConfig;
import vn.vneid.sso.otp.SmsCodePolicy;

/**
 * The SMS code step's configuration (of the login and of the recovery, issue #17), read once per request from the
 * execution's config. Missing or unreadable values fall back to the safe defaults of {@link SmsCodePolicy}; the step
 * works with no config at all.
 */
public final class SmsCodeConfig {

    private static final Logger LOG = Logger.getLogger(SmsCodeConfig.class);

    static final int MIN_LENGTH = 6;
    static final int MAX_TTL_SECONDS = 900;
    static final int MAX_ATTEMPTS = 10;
    static final int MAX_COOLDOWN_SECONDS = 3600;
    static final int MAX_RESENDS = 10;

    private final SmsCodePolicy policy;
    private final String gateway;
    private final SendLimits limits;

    private SmsCodeConfig(SmsCodePolicy policy, String gateway, SendLimits limits) {
        this.policy = policy;
        this.gateway = gateway;
        this.limits = limits;
    }

    public static SmsCodeConfig of(AuthenticatorConfigModel model) {
        Map<String, String> values = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        String gateway = values.get(SmsCodeConfigProperties.SMS_GATEWAY);
        return new SmsCodeConfig(policy(values, model == null ? null : model.getAlias()),
                gateway == null || gateway.isBlank() ? null : gateway.strip(), SendLimitsConfig.read(values));
    }

    /**
     * The code rules set in {@code values} ({@link SmsCodeConfigProperties#POLICY}): the default for each one missing
     * or not a number, and all the defaults if any is out of the bounds below. {@code where} names the config in the
     * log.
     *
     * <p>An administrator cannot make a code guessable: it has 6 to 10 digits, lives at most 15 minutes, allows at
     * most 10 tries and 10 resends (each resend brings fresh tries), and the wait before a resend is at most an hour.
     * The same rules guard a login, a recovery, a registration, a phone binding and the old phone's proof of a change.
     */
    public static SmsCodePolicy policy(Map<String, String> values, String where) {
        SmsCodePolicy defaults = SmsCodePolicy.defaults();
        int length = integer(values, SmsCodeConfigProperties.CODE_LENGTH, defaults.length());
        int ttlSeconds = integer(values, SmsCodeConfigProperties.TTL_SECONDS, (int) defaults.ttl().toSeconds());
        int attempts = integer(values, SmsCodeConfigProperties.MAX_ATTEMPTS, defaults.maxAttempts());
        int cooldownSeconds = integer(values, SmsCodeConfigProperties.RESEND_COOLDOWN_SECONDS,
                (int) defaults.resendCooldown().toSeconds());
        int resends = integer(values, SmsCodeConfigProperties.MAX_RESENDS, defaults.maxResends());
        if (length < MIN_LENGTH || ttlSeconds > MAX_TTL_SECONDS || attempts > MAX_ATTEMPTS
                || cooldownSeconds > MAX_COOLDOWN_SECONDS || resends > MAX_RESENDS) {
            LOG.warnf("SMS code config '%s' is out of bounds (at least %d digits, at most %d s, %d tries, %d s"
                    + " cooldown, %d resends); using the defaults", where, MIN_LENGTH, MAX_TTL_SECONDS, MAX_ATTEMPTS,
                    MAX_COOLDOWN_SECONDS, MAX_RESENDS);
            return defaults;
        }
        try {
            return new SmsCodePolicy(length, Duration.ofSeconds(ttlSeconds), attempts,
                    Duration.ofSeconds(cooldownSeconds), resends);
        } catch (IllegalArgumentException e) {
            LOG.warnf("SMS code config '%s' is out of range (%s); using the defaults", where, e.getMessage());
            return defaults;
        }
    }

    private static int integer(Map<String, String> values, String key, int fallback) {
        String raw = values.get(key);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            LOG.warnf("SMS code config value %s=%s is not a number; using %d", key, raw, fallback);
            return fallback;
        }
    }

    public SmsCodePolicy policy() {
        return policy;
    }

    public SendLimits limits() {
        return limits;
    }

    /** The SMS gateway provider id for this step, or null for the server's default gateway. */
    public String gateway() {
        return gateway;
    }
}
