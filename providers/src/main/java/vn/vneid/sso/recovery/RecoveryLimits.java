package vn.vneid.sso.recovery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * How many recoveries may start (issue #17): per national ID per day and per client address per hour. Recovery is the
 * favourite door of account takeover, and each start may send an SMS, so both are bounded. An ID without an account
 * is counted exactly like one with an account: the refusal must not tell which numbers have accounts. A limit of 0
 * switches that counter off. Plain Java: the store that holds the counters is {@link RecoveryLimiter}'s business.
 */
record RecoveryLimits(int perIdPerDay, int perAddressPerHour) {

    static final int DEFAULT_PER_ID_PER_DAY = 5;
    /** High on purpose: mobile carriers put thousands of citizens behind one address (carrier-grade NAT). */
    static final int DEFAULT_PER_ADDRESS_PER_HOUR = 60;

    /** Which counter refused, with the message key the ID page shows. */
    enum Limit {
        ID("vneidRecoveryLimitId", "limit_id"), ADDRESS("vneidRecoveryLimitAddress", "limit_address");

        private final String messageKey;
        private final String eventReason;

        Limit(String messageKey, String eventReason) {
            this.messageKey = messageKey;
            this.eventReason = eventReason;
        }

        String messageKey() {
            return messageKey;
        }

        String eventReason() {
            return eventReason;
        }
    }

    /** One fixed-window counter: {@code slots} entries {@code key.0 ..}, each taken once, expiring with the window. */
    record Counter(Limit limit, String key, int slots, long ttlSeconds) {
    }

    RecoveryLimits {
        perIdPerDay = Math.max(0, perIdPerDay);
        perAddressPerHour = Math.max(0, perAddressPerHour);
    }

    static RecoveryLimits defaults() {
        return new RecoveryLimits(DEFAULT_PER_ID_PER_DAY, DEFAULT_PER_ADDRESS_PER_HOUR);
    }

    /** The counters one recovery start takes a slot in. The ID and the address appear only hashed in the keys. */
    List<Counter> counters(String realmId, String nationalId, String clientIp, Instant now) {
        long hour = now.getEpochSecond() / 3600;
        long day = now.getEpochSecond() / 86_400;
        return List.of(
                        counter(Limit.ID, "id." + hash(realmId, nationalId) + "." + day, perIdPerDay,
                                Duration.ofDays(1)),
                        counter(Limit.ADDRESS, "ip." + hash(realmId, clientIp) + "." + hour, perAddressPerHour,
                                Duration.ofHours(1)))
                .stream().filter(c -> c.slots() > 0).toList();
    }

    private static Counter counter(Limit limit, String key, int slots, Duration window) {
        return new Counter(limit, "vneid.recovery.limit." + key, slots, window.toSeconds());
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
