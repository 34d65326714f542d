package vn.vneid.sso.it.stats;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The campaign figures the demo files imply, computed here from realm-config/demo/stats with none of the server's
 * code: a row per unit, with the same field names as the endpoint's JSON. Only for periods that have ended (the
 * figures are then cut off at the period's end, midnight in Vietnam).
 */
public final class DemoExpectations {

    public static final Path DIR = Path.of("../realm-config/demo/stats");
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    record Cohort(String commune, int level, String status, int count, LocalDate received, LocalDate updated) {
    }

    /** unit id (KIND:CODE) → parent id, for the demo's districts and communes. */
    final Map<String, String> parents = new HashMap<>();
    final List<Cohort> cohorts = new ArrayList<>();
    /** unit id + "|" + period → level1, level2, activations, eligible */
    final Map<String, long[]> targets = new HashMap<>();

    public DemoExpectations() throws IOException {
        for (String[] c : rows("units.csv")) {
            String parentKind = c[0].equals("DISTRICT") ? "PROVINCE" : "DISTRICT";
            parents.put(c[0] + ":" + c[1], parentKind + ":" + c[3]);
        }
        for (String[] c : rows("records.csv")) {
            cohorts.add(new Cohort("COMMUNE:" + c[0], Integer.parseInt(c[1]), c[2], Integer.parseInt(c[3]),
                    LocalDate.parse(c[4]), LocalDate.parse(c[5])));
        }
        for (String[] c : rows("targets.csv")) {
            targets.put(c[0] + ":" + c[1] + "|" + c[2], new long[] {Long.parseLong(c[3]), Long.parseLong(c[4]),
                    Long.parseLong(c[5]), Long.parseLong(c[6])});
        }
    }

    static List<String[]> rows(String file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(DIR.resolve(file));
        for (String line : lines.subList(1, lines.size())) {
            if (!line.isBlank()) {
                rows.add(line.split(",", -1));
            }
        }
        return rows;
    }

    boolean within(String commune, String unitId) {
        for (String u = commune; u != null; u = parents.get(u)) {
            if (u.equals(unitId)) {
                return true;
            }
        }
        return false;
    }

    /** periodEnd: the first day after the period. */
    public Map<String, Object> figures(String unitId, String period, LocalDate periodEnd) {
        long cut = periodEnd.atStartOfDay(VIETNAM).toInstant().toEpochMilli();
        long[] n = new long[12];
        for (Cohort c : cohorts) {
            long received = c.received().atTime(LocalTime.NOON).atZone(VIETNAM).toInstant().toEpochMilli();
            long updated = c.updated().atTime(LocalTime.NOON).atZone(VIETNAM).toInstant().toEpochMilli();
            if (!within(c.commune(), unitId) || received >= cut) {
                continue;
            }
            int k = c.count();
            n[c.level() - 1] += k;
            if (c.status().equals("ACTIVATED") && updated < cut) {
                n[1 + c.level()] += k;
            }
            if (c.status().equals("REJECTED")) {
                n[4] += k;
            }
            if (c.level() == 2 && c.status().equals("APPROVED")) {
                n[5] += k;
            }
            if (c.level() == 2 && !c.status().equals("REJECTED")) {
                n[6] += k;
            }
            if (c.status().equals("RECEIVED") || c.status().equals("PENDING_APPROVAL")) {
                Duration age = Duration.ofMillis(cut - received);
                n[age.compareTo(Duration.ofDays(1)) <= 0 ? 7 : age.compareTo(Duration.ofDays(7)) <= 0 ? 8
                        : age.compareTo(Duration.ofDays(30)) <= 0 ? 9 : 10] += k;
            }
        }
        long[] t = targets.getOrDefault(unitId + "|" + period, new long[4]);
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("collectedLevel1", n[0]);
        f.put("collectedLevel2", n[1]);
        f.put("collected", n[0] + n[1]);
        f.put("targetRecords", t[0] + t[1]);
        f.put("collectedPercent", percent(n[0] + n[1], t[0] + t[1]));
        f.put("activatedLevel1", n[2]);
        f.put("activatedLevel2", n[3]);
        f.put("activated", n[2] + n[3]);
        f.put("targetActivations", t[2]);
        f.put("activatedPercent", percent(n[2] + n[3], t[2]));
        f.put("eligible", t[3]);
        f.put("level2ActivatedOfEligiblePercent", percent(n[3], t[3]));
        f.put("eligibleNotRegistered", Math.max(0, t[3] - n[6]));
        f.put("level2ApprovedNotActivated", n[5]);
        f.put("rejected", n[4]);
        f.put("pending", n[7] + n[8] + n[9] + n[10]);
        f.put("pendingUnder1Day", n[7]);
        f.put("pendingDays1To7", n[8]);
        f.put("pendingDays7To30", n[9]);
        f.put("pendingOver30Days", n[10]);
        return f;
    }

    /** The demo's units right under {@code parentId}, as KIND:CODE. */
    public List<String> childrenOf(String parentId) {
        return parents.entrySet().stream().filter(e -> e.getValue().equals(parentId)).map(Map.Entry::getKey)
                .sorted().toList();
    }

    static String percent(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 2,
                RoundingMode.HALF_UP).toPlainString();
    }
}
