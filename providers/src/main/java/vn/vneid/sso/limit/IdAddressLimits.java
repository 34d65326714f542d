package vn.vneid.sso.limit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import vn.vneid.sso.config.ConfigValues;

/**
 * How often a step that anyone may try with any national number may run: per national ID per day and per client
 * address per hour (recovery starts, issue #17; population-registry lookups and activation tries, issue #15). Both are
 * counted before any lookup and alike for every number, so a refusal does not tell which numbers have accounts or
 * records. A limit of 0 switches that counter off. The ID and the address appear only hashed, with the realm, in the
 * keys. Plain Java: {@link FixedWindowLimiter} holds the counters.
 */
public record IdAddressLimits(Feature feature, int perIdPerDay, int perAddressPerHour) {

    /** Which counter refused; the event detail says so. */
    public enum Limit {
        ID("limit_id"), ADDRESS("limit_address");

        private final String eventReason;

        Limit(String eventReason) {
            this.eventReason = eventReason;
        }

        public String eventReason() {
            return eventReason;
        }
    }

    /**
     * What one feature names and counts: its store keys, the message key each refusal shows, which counter takes its
     * slot first (a refusal by the second leaves the first one's slot taken), and its safe defaults.
     */
    public record Feature(String keyPrefix, String idMessageKey, String addressMessageKey, Limit countedFirst,
            int defaultPerIdPerDay, int defaultPerAddressPerHour) {

        public String messageKey(Limit limit) {
            return limit == Limit.ID ? idMessageKey : addressMessageKey;
        }
    }

    public IdAddressLimits {
        perIdPerDay = Math.max(0, perIdPerDay);
        perAddressPerHour = Math.max(0, perAddressPerHour);
    }

    public static IdAddressLimits defaults(Feature feature) {
        return new IdAddressLimits(feature, feature.defaultPerIdPerDay(), feature.defaultPerAddressPerHour());
    }

    /** The limits an execution's config sets under {@code perIdKey} and {@code perAddressKey}, else the defaults. */
    public static IdAddressLimits read(Feature feature, Map<String, String> values, String perIdKey,
            String perAddressKey) {
        return new IdAddressLimits(feature,
                ConfigValues.integer(values, perIdKey, feature.defaultPerIdPerDay(), 0, 1000),
                ConfigValues.integer(values, perAddressKey, feature.defaultPerAddressPerHour(), 0, 1_000_000));
    }

    /** The counters one try takes a slot in, in the feature's order. */
    public List<WindowCounter<Limit>> counters(String realmId, String nationalId, String clientIp, Instant now) {
        WindowCounter<Limit> id = counter(Limit.ID, "id." + hash(realmId, nationalId) + "."
                + now.getEpochSecond() / 86_400, perIdPerDay, Duration.ofDays(1));
        WindowCounter<Limit> address = counter(Limit.ADDRESS, "ip." + hash(realmId, clientIp) + "."
                + now.getEpochSecond() / 3600, perAddressPerHour, Duration.ofHours(1));
        List<WindowCounter<Limit>> ordered = feature.countedFirst() == Limit.ID ? List.of(id, address)
                : List.of(address, id);
        return ordered.stream().filter(c -> c.slots() > 0).toList();
    }

    private WindowCounter<Limit> counter(Limit limit, String key, int slots, Duration window) {
        return new WindowCounter<>(limit, feature.keyPrefix() + key, slots, window.toSeconds());
    }

    /** A realm-scoped digest of a national ID or address: what keys and auth notes hold instead of the value. */
    public static String hash(String realmId, String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((realmId + '|' + value).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
