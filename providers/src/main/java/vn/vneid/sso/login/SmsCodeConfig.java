package vn.vneid.sso.login;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.jboss.logging.Logger;
import org.keycloak.models.AuthenticatorConfigModel;

import vn.vneid.sso.config.InvalidValue;
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
    static final int MAX_LENGTH = SmsCodePolicy.MAX_LENGTH;
    static final int MAX_TTL_SECONDS = (int) SmsCodePolicy.MAX_CONFIGURABLE_TTL.toSeconds();
    static final int MAX_ATTEMPTS = 10;
    static final int MAX_COOLDOWN_SECONDS = 3600;
    static final int MAX_RESENDS = 10;

    /** Configs already warned about: a config read on every request would otherwise fill the log. */
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();
    private static final int MAX_WARNED = 256;

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
        if (invalidPolicy(values).stream().anyMatch(InvalidValue::isNumber)) {
            warnOnce(where, values, "SMS code config '%s' is out of bounds (%d to %d digits, 1 to %d s, 1 to %d tries,"
                    + " 0 to %d s cooldown, 0 to %d resends); using the defaults", where, MIN_LENGTH, MAX_LENGTH,
                    MAX_TTL_SECONDS, MAX_ATTEMPTS, MAX_COOLDOWN_SECONDS, MAX_RESENDS);
            return defaults;
        }
        return new SmsCodePolicy(length, Duration.ofSeconds(ttlSeconds), attempts, Duration.ofSeconds(cooldownSeconds),
                resends);
    }

    /**
     * The code rules in {@code values} that are set but not whole numbers within the bounds above; empty when the
     * rules can be saved. A required action's config is checked with this when it is saved (the admin API answers 400
     * naming the value); a value already stored is still read as {@link #policy} says.
     */
    public static List<InvalidValue> invalidPolicy(Map<String, String> values) {
        return Stream.of(
                InvalidValue.of(values, SmsCodeConfigProperties.CODE_LENGTH, MIN_LENGTH, MAX_LENGTH),
                InvalidValue.of(values, SmsCodeConfigProperties.TTL_SECONDS, 1, MAX_TTL_SECONDS),
                InvalidValue.of(values, SmsCodeConfigProperties.MAX_ATTEMPTS, 1, MAX_ATTEMPTS),
                InvalidValue.of(values, SmsCodeConfigProperties.RESEND_COOLDOWN_SECONDS, 0, MAX_COOLDOWN_SECONDS),
                InvalidValue.of(values, SmsCodeConfigProperties.MAX_RESENDS, 0, MAX_RESENDS))
                .flatMap(Optional::stream).toList();
    }

    private static void warnOnce(String where, Map<String, String> values, String format, Object... arguments) {
        if (WARNED.size() >= MAX_WARNED) {
            WARNED.clear();
        }
        if (WARNED.add(where + new TreeMap<>(values))) {
            LOG.warnf(format, arguments);
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
            warnOnce(key, values, "SMS code config value %s=%s is not a number; using %d", key, raw, fallback);
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
