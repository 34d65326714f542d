package vn.vneid.sso.activation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * How many activation tries may be made (issue #15 part 4), counted before any lookup and alike for numbers with and
 * without an approved record: per national ID per day and per client address per hour. Beyond these, each record's
 * code takes only {@code max-attempts} wrong tries. A limit of 0 switches that counter off. Plain Java: the counters
 * live in Keycloak's replicated single-use store ({@link ActivationCodeAuthenticator}).
 */
record ActivationLimits(int perIdPerDay, int perAddressPerHour) {

    static final int DEFAULT_PER_ID_PER_DAY = 10;
    /** High on purpose: mobile carriers put thousands of citizens behind one address (carrier-grade NAT). */
    static final int DEFAULT_PER_ADDRESS_PER_HOUR = 60;

    enum Limit {
        ID("vneidActivationLimitId"), ADDRESS("vneidActivationLimitAddress");

        private final String messageKey;

        Limit(String messageKey) {
            this.messageKey = messageKey;
        }

        String messageKey() {
            return messageKey;
        }

        String eventReason() {
            return "limit_" + name().toLowerCase();
        }
    }

    /** One fixed-window counter: slots {@code key.0 ..}, each taken once, expiring with the window. */
    record Counter(Limit limit, String key, int slots, long ttlSeconds) {
    }

    ActivationLimits {
        perIdPerDay = Math.max(0, perIdPerDay);
        perAddressPerHour = Math.max(0, perAddressPerHour);
    }

    /** The counters one try takes a slot in; the ID and the address appear only hashed in the keys. */
    List<Counter> counters(String realmId, String nationalId, String clientIp, Instant now) {
        long day = now.getEpochSecond() / 86_400;
        long hour = now.getEpochSecond() / 3600;
        return List.of(
                        new Counter(Limit.ID, "vneid.activation.limit.id." + hash(realmId, nationalId) + "." + day,
                                perIdPerDay, 86_400),
                        new Counter(Limit.ADDRESS, "vneid.activation.limit.ip." + hash(realmId, clientIp) + "." + hour,
                                perAddressPerHour, 3600))
                .stream().filter(c -> c.slots() > 0).toList();
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
