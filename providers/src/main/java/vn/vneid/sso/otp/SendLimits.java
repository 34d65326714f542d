package vn.vneid.sso.otp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import vn.vneid.sso.limit.WindowCounter;

/**
 * How many codes may be sent: per destination number per hour, per account per day, per client IP per hour. The
 * limits hold across logins and cluster nodes (the counters live in the replicated single-use store); they stop
 * SMS pumping and the flooding of one citizen's phone. A limit of 0 switches that counter off. Plain Java:
 * {@link vn.vneid.sso.limit.FixedWindowLimiter} holds the counters.
 *
 * <p>Flows that anyone may start with a national ID alone (recovery, registration) count in a scope of their own
 * ({@link #scoped}): otherwise a stranger who knows a citizen's number could spend her login's allowance through the
 * forgotten-password page and keep her out of her own account for the day, or fill a carrier address's counter. So
 * that the scopes together cannot flood one phone, every send also takes a slot in one per-number ceiling shared by
 * all scopes, twice the per-number limit: a stranger's recoveries can take half of it, never the login's half.
 */
public final class SendLimits {

    public static final int DEFAULT_PER_NUMBER_PER_HOUR = 5;
    public static final int DEFAULT_PER_ACCOUNT_PER_DAY = 10;
    /** High on purpose: mobile carriers put thousands of citizens behind one address (carrier-grade NAT). */
    public static final int DEFAULT_PER_IP_PER_HOUR = 200;

    /** Which counter refused, with its message key. */
    public enum Limit {
        NUMBER("vneidSmsLimitNumber"), ACCOUNT("vneidSmsLimitAccount"), IP("vneidSmsLimitIp");

        private final String messageKey;

        Limit(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    private final int perNumberPerHour;
    private final int perAccountPerDay;
    private final int perIpPerHour;
    /** The counters' key prefix: empty for the sends after a password (login, phone binding and change). */
    private final String scope;

    public SendLimits(int perNumberPerHour, int perAccountPerDay, int perIpPerHour) {
        this(perNumberPerHour, perAccountPerDay, perIpPerHour, "");
    }

    private SendLimits(int perNumberPerHour, int perAccountPerDay, int perIpPerHour, String scope) {
        this.perNumberPerHour = Math.max(0, perNumberPerHour);
        this.perAccountPerDay = Math.max(0, perAccountPerDay);
        this.perIpPerHour = Math.max(0, perIpPerHour);
        this.scope = scope;
    }

    /** The same limits, counted apart from every other scope's (a short name: {@code recovery}, {@code registration}). */
    public SendLimits scoped(String name) {
        return new SendLimits(perNumberPerHour, perAccountPerDay, perIpPerHour, name + ".");
    }

    public static SendLimits defaults() {
        return new SendLimits(DEFAULT_PER_NUMBER_PER_HOUR, DEFAULT_PER_ACCOUNT_PER_DAY, DEFAULT_PER_IP_PER_HOUR);
    }

    /** The counters one send takes a slot in. Numbers and IPs appear only hashed in the keys. */
    public List<WindowCounter<Limit>> counters(String numberE164, String userId, String clientIp, Instant now) {
        long hour = now.getEpochSecond() / 3600;
        long day = now.getEpochSecond() / 86400;
        String prefix = "vneid.sms.limit." + scope;
        return List.of(
                counter(Limit.NUMBER, prefix + "num." + hash(numberE164) + "." + hour, perNumberPerHour,
                        Duration.ofHours(1)),
                counter(Limit.ACCOUNT, prefix + "acc." + userId + "." + day, perAccountPerDay, Duration.ofDays(1)),
                counter(Limit.IP, prefix + "ip." + hash(clientIp) + "." + hour, perIpPerHour, Duration.ofHours(1)),
                counter(Limit.NUMBER, "vneid.sms.limit.all.num." + hash(numberE164) + "." + hour,
                        ceiling(perNumberPerHour), Duration.ofHours(1)))
                .stream().filter(c -> c.slots() > 0).toList();
    }

    /** The shared per-number ceiling: twice one scope's limit, 0 (off) with it. */
    private static int ceiling(int perNumberPerHour) {
        return perNumberPerHour > Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE : 2 * perNumberPerHour;
    }

    private static WindowCounter<Limit> counter(Limit limit, String key, int slots, Duration window) {
        return new WindowCounter<>(limit, key, slots, window.toSeconds());
    }

    private static String hash(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public int perNumberPerHour() {
        return perNumberPerHour;
    }

    public int perAccountPerDay() {
        return perAccountPerDay;
    }

    public int perIpPerHour() {
        return perIpPerHour;
    }
}
