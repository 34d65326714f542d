package vn.vneid.sso.stats;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the campaign table: a unit's counts measured against its target. The percentages are those of the
 * campaign reports (Nghệ An: 2,389,718 records of a 1,708,473 target = 139.8 %), two decimals, null without a target.
 */
public record UnitFigures(String kind, String code, String name, UnitCounts counts, UnitTarget target) {

    public long collected() {
        return counts.collectedLevel1() + counts.collectedLevel2();
    }

    public long activated() {
        return counts.activatedLevel1() + counts.activatedLevel2();
    }

    public BigDecimal collectedPercent() {
        return percent(collected(), target.records());
    }

    public BigDecimal activatedPercent() {
        return percent(activated(), target.activations());
    }

    /** Level-2 accounts activated among the eligible (Đông Hòa Hiệp: 7,122 of 13,869 = 51.35 %). */
    public BigDecimal level2ActivatedOfEligiblePercent() {
        return percent(counts.activatedLevel2(), target.eligible());
    }

    /** Eligible citizens with no level-2 record yet (rejected records do not count as registered). */
    public long eligibleNotRegistered() {
        return Math.max(0, target.eligible() - counts.registeredLevel2());
    }

    public long pendingTotal() {
        long sum = 0;
        for (long p : counts.pending()) {
            sum += p;
        }
        return sum;
    }

    static BigDecimal percent(long part, long whole) {
        if (whole <= 0) {
            return null;
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }

    /** The row in the order of the CSV columns and the JSON fields. */
    public Map<String, Object> columns() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("kind", kind);
        c.put("code", code);
        c.put("name", name);
        c.put("collectedLevel1", counts.collectedLevel1());
        c.put("collectedLevel2", counts.collectedLevel2());
        c.put("collected", collected());
        c.put("targetRecords", target.records());
        c.put("collectedPercent", collectedPercent());
        c.put("activatedLevel1", counts.activatedLevel1());
        c.put("activatedLevel2", counts.activatedLevel2());
        c.put("activated", activated());
        c.put("targetActivations", target.activations());
        c.put("activatedPercent", activatedPercent());
        c.put("eligible", target.eligible());
        c.put("level2ActivatedOfEligiblePercent", level2ActivatedOfEligiblePercent());
        c.put("eligibleNotRegistered", eligibleNotRegistered());
        c.put("level2ApprovedNotActivated", counts.approvedNotActivated());
        c.put("rejected", counts.rejected());
        c.put("pending", pendingTotal());
        for (PendingAge age : PendingAge.values()) {
            c.put("pending" + Character.toUpperCase(age.key().charAt(0)) + age.key().substring(1),
                    counts.pending()[age.ordinal()]);
        }
        return c;
    }
}
