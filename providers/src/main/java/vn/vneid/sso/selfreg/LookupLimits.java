package vn.vneid.sso.selfreg;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * How many population-registry lookups the registration page may make (issue #15): per client address per hour, so
 * the page cannot be used to mine the registry, and per national number per day, so a known number's birth date or
 * name cannot be guessed by trying (the year and sex are in the number, 365 dates remain). Every lookup counts,
 * whatever it answered. A limit of 0 switches that counter off. Plain Java: the store is {@link LookupLimiter}'s.
 */
public record LookupLimits(int perAddressPerHour, int perIdPerDay) {

    /** Carrier-grade NAT puts many citizens behind one address; a registration is rare, so 30 an hour is ample. */
    public static final int DEFAULT_PER_ADDRESS_PER_HOUR = 30;
    public static final int DEFAULT_PER_ID_PER_DAY = 5;

    /** Which counter refused, with the message key the page shows. */
    public enum Limit {
        ADDRESS("vneidRegisterLimitAddress", "limit_address"), ID("vneidRegisterLimitId", "limit_id");

        private final String messageKey;
        private final String eventReason;

        Limit(String messageKey, String eventReason) {
            this.messageKey = messageKey;
            this.eventReason = eventReason;
        }

        public String messageKey() {
            return messageKey;
        }

        public String eventReason() {
            return eventReason;
        }
    }

    /** One fixed-window counter: {@code slots} entries {@code key.0 ..}, each taken once, expiring with the window. */
    public record Counter(Limit limit, String key, int slots, long ttlSeconds) {
    }

    public LookupLimits {
        perAddressPerHour = Math.max(0, perAddressPerHour);
        perIdPerDay = Math.max(0, perIdPerDay);
    }

    public static LookupLimits defaults() {
        return new LookupLimits(DEFAULT_PER_ADDRESS_PER_HOUR, DEFAULT_PER_ID_PER_DAY);
    }

    /** The counters one lookup takes a slot in; the address and the number appear only hashed in the keys. */
    public List<Counter> counters(String realmId, String clientIp, String nationalId, Instant now) {
        long hour = now.getEpochSecond() / 3600;
        long day = now.getEpochSecond() / 86_400;
        return List.of(
                        counter(Limit.ADDRESS, "ip." + hash(realmId, clientIp) + "." + hour, perAddressPerHour,
                                Duration.ofHours(1)),
                        counter(Limit.ID, "id." + hash(realmId, nationalId) + "." + day, perIdPerDay,
                                Duration.ofDays(1)))
                .stream().filter(c -> c.slots() > 0).toList();
    }

    private static Counter counter(Limit limit, String key, int slots, Duration window) {
        return new Counter(limit, "vneid.selfreg.limit." + key, slots, window.toSeconds());
    }

    static String hash(String realmId, String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((realmId + '|' + value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
