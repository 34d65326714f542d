package vn.vneid.sso.stats;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import vn.vneid.sso.intake.EnrolmentStatus;

/**
 * The demo's files (realm-config/demo/stats): districts and communes, and records described as cohorts ("500 level-2
 * records of Phường Đông Vĩnh, received on 2 April 2023, activated on 2 May") so that the seed's figures stay readable
 * in the file. Loaded only by a server started for the demo (issue #15 part 6).
 */
public final class DemoData {

    public static final List<String> UNIT_HEADER = List.of("kind", "code", "name", "parentCode");
    public static final List<String> COHORT_HEADER = List.of("communeCode", "level", "status", "count",
            "receivedOn", "updatedOn");
    static final int MAX_COHORT = 100_000;

    public record Unit(int line, String kind, String code, String name, String parentId) {
        public String id() {
            return AdminUnit.id(kind, code);
        }
    }

    public record Cohort(int line, String communeCode, int level, EnrolmentStatus status, int count, LocalDate receivedOn,
            LocalDate updatedOn) {
        public String communeId() {
            return AdminUnit.id(AdminUnit.COMMUNE, communeCode);
        }
    }

    public record Parsed<T>(List<T> rows, List<RowProblem> problems) {
    }

    private DemoData() {
    }

    public static Parsed<Unit> units(String text) {
        List<Unit> units = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        List<List<String>> lines = lines(text, UNIT_HEADER, problems);
        for (int i = 1; i < lines.size(); i++) {
            List<String> c = lines.get(i);
            if (c.isEmpty()) {
                continue;
            }
            if (c.size() != UNIT_HEADER.size()) {
                problems.add(new RowProblem(i + 1, null, "column_count"));
                continue;
            }
            String kind = c.get(0).strip().toUpperCase(Locale.ROOT);
            String code = c.get(1).strip();
            String parent = c.get(3).strip();
            if (!Set.of(AdminUnit.DISTRICT, AdminUnit.COMMUNE).contains(kind)) {
                problems.add(new RowProblem(i + 1, "kind", "unknown_kind"));
            } else if (!code.matches(AdminUnit.DISTRICT.equals(kind) ? "\\d{3}" : "\\d{5}")) {
                problems.add(new RowProblem(i + 1, "code", "unknown_unit"));
            } else if (c.get(2).isBlank() || c.get(2).length() > 255) {
                problems.add(new RowProblem(i + 1, "name", "bad_name"));
            } else {
                String parentKind = AdminUnit.DISTRICT.equals(kind) ? AdminUnit.PROVINCE : AdminUnit.DISTRICT;
                units.add(new Unit(i + 1, kind, code, c.get(2).strip(), AdminUnit.id(parentKind, parent)));
            }
        }
        return new Parsed<>(units, problems);
    }

    public static Parsed<Cohort> cohorts(String text) {
        List<Cohort> cohorts = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        List<List<String>> lines = lines(text, COHORT_HEADER, problems);
        for (int i = 1; i < lines.size(); i++) {
            List<String> c = lines.get(i);
            if (c.isEmpty()) {
                continue;
            }
            int line = i + 1;
            if (c.size() != COHORT_HEADER.size()) {
                problems.add(new RowProblem(line, null, "column_count"));
                continue;
            }
            int before = problems.size();
            String commune = c.get(0).strip();
            if (!commune.matches("\\d{5}")) {
                problems.add(new RowProblem(line, "communeCode", "unknown_unit"));
            }
            String level = c.get(1).strip();
            if (!level.equals("1") && !level.equals("2")) {
                problems.add(new RowProblem(line, "level", "bad_level"));
            }
            EnrolmentStatus status = null;
            try {
                status = EnrolmentStatus.valueOf(c.get(2).strip());
            } catch (IllegalArgumentException e) {
                problems.add(new RowProblem(line, "status", "bad_status"));
            }
            String count = c.get(3).strip();
            if (!count.matches("\\d{1,6}") || Integer.parseInt(count) < 1 || Integer.parseInt(count) > MAX_COHORT) {
                problems.add(new RowProblem(line, "count", "bad_number"));
            }
            LocalDate received = date(c.get(4), line, "receivedOn", problems);
            LocalDate updated = date(c.get(5), line, "updatedOn", problems);
            if (received != null && updated != null && updated.isBefore(received)) {
                problems.add(new RowProblem(line, "updatedOn", "bad_date"));
            }
            if (problems.size() == before) {
                cohorts.add(new Cohort(line, commune, Integer.parseInt(level), status, Integer.parseInt(count), received,
                        updated));
            }
        }
        return new Parsed<>(cohorts, problems);
    }

    /** A well-formed, plainly synthetic number: born 1985 in Hà Nội (001), male, serial after it. */
    public static String nationalId(int serial) {
        return String.format("001085%06d", serial % 1_000_000);
    }

    private static List<List<String>> lines(String text, List<String> header, List<RowProblem> problems) {
        List<List<String>> lines = Csv.parse(text);
        if (lines.isEmpty() || !header.equals(lines.get(0).stream().map(String::strip).toList())) {
            problems.add(new RowProblem(1, null, "header"));
            return List.of();
        }
        return lines;
    }

    private static LocalDate date(String cell, int line, String field, List<RowProblem> problems) {
        try {
            return LocalDate.parse(cell.strip());
        } catch (DateTimeParseException e) {
            problems.add(new RowProblem(line, field, "bad_date"));
            return null;
        }
    }
}
