package vn.vneid.sso.stats;

import java.time.Duration;

/**
 * How long records have waited for level-2 approval, in four buckets (the documents: approval "is slow or never
 * comes"). A record's age is counted from its reception to the figures' cut-off.
 */
public enum PendingAge {
    UNDER_1_DAY("under1Day"), DAYS_1_TO_7("days1To7"), DAYS_7_TO_30("days7To30"), OVER_30_DAYS("over30Days");

    private final String key;

    PendingAge(String key) {
        this.key = key;
    }

    /** The JSON field and CSV column suffix. */
    public String key() {
        return key;
    }

    /** Received at or after these instants (epoch ms) are younger than 1, 7 and 30 days at {@code cutOff}. */
    public static long[] thresholds(long cutOff) {
        return new long[] {cutOff - Duration.ofDays(1).toMillis(), cutOff - Duration.ofDays(7).toMillis(),
                cutOff - Duration.ofDays(30).toMillis()};
    }

    public static PendingAge of(long receivedAt, long cutOff) {
        long[] t = thresholds(cutOff);
        if (receivedAt >= t[0]) {
            return UNDER_1_DAY;
        }
        if (receivedAt >= t[1]) {
            return DAYS_1_TO_7;
        }
        return receivedAt >= t[2] ? DAYS_7_TO_30 : OVER_30_DAYS;
    }
}
