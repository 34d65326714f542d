package vn.vneid.sso.stats;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The targets file operators load (issue #15 part 5): one line per unit and period, with the unit's eligible
 * population. Every line is checked and every problem reported; a file with any problem changes nothing.
 *
 * <pre>
 * unitKind,unitCode,period,level1Records,level2Records,activations,eligible
 * PROVINCE,40,2023,0,1708473,1708473,2600000
 * </pre>
 */
public final class TargetCsv {

    public static final List<String> HEADER = List.of("unitKind", "unitCode", "period", "level1Records",
            "level2Records", "activations", "eligible");
    /** More than the whole population: a figure above it is a typing error. */
    static final long MAX_FIGURE = 200_000_000L;
    private static final Set<String> KINDS = Set.of("PROVINCE", "DISTRICT", "COMMUNE");

    public record Row(int line, String unitId, String period, UnitTarget target) {
    }

    public record Result(List<Row> rows, List<RowProblem> problems) {
    }

    private TargetCsv() {
    }

    /**
     * @param unitExists tells whether a unit id ({@code KIND:CODE}) is known
     * @param maxRows more lines than this are refused as a whole
     */
    public static Result parse(String text, Predicate<String> unitExists, int maxRows) {
        List<List<String>> lines = Csv.parse(text);
        List<Row> rows = new ArrayList<>();
        List<RowProblem> problems = new ArrayList<>();
        if (lines.isEmpty() || !HEADER.equals(trimmed(lines.get(0)))) {
            problems.add(new RowProblem(1, null, "header"));
            return new Result(rows, problems);
        }
        if (lines.size() - 1 > maxRows) {
            problems.add(new RowProblem(maxRows + 2, null, "too_many_rows"));
            return new Result(rows, problems);
        }
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < lines.size(); i++) {
            int line = i + 1;
            List<String> cells = trimmed(lines.get(i));
            if (cells.isEmpty()) {
                continue;
            }
            if (cells.size() != HEADER.size()) {
                problems.add(new RowProblem(line, null, "column_count"));
                continue;
            }
            int before = problems.size();
            String kind = cells.get(0).toUpperCase(Locale.ROOT);
            String unitId = kind + ":" + cells.get(1);
            if (!KINDS.contains(kind)) {
                problems.add(new RowProblem(line, "unitKind", "unknown_kind"));
            } else if (!cells.get(1).matches("\\d{2,5}") || !unitExists.test(unitId)) {
                problems.add(new RowProblem(line, "unitCode", "unknown_unit"));
            }
            String period = null;
            try {
                period = Period.parse(cells.get(2)).code();
            } catch (IllegalArgumentException e) {
                problems.add(new RowProblem(line, "period", "bad_period"));
            }
            long[] figures = new long[4];
            for (int f = 0; f < 4; f++) {
                figures[f] = figure(cells.get(3 + f));
                if (figures[f] < 0) {
                    problems.add(new RowProblem(line, HEADER.get(3 + f), "bad_number"));
                }
            }
            if (problems.size() == before && !seen.add(unitId + "|" + period)) {
                problems.add(new RowProblem(line, null, "duplicate"));
            }
            if (problems.size() == before) {
                rows.add(new Row(line, unitId, period,
                        new UnitTarget(figures[0], figures[1], figures[2], figures[3])));
            }
        }
        if (rows.isEmpty() && problems.isEmpty()) {
            problems.add(new RowProblem(2, null, "empty"));
        }
        return new Result(rows, problems);
    }

    /** A whole number from 0 to {@link #MAX_FIGURE}, or -1. */
    private static long figure(String cell) {
        if (!cell.matches("\\d{1,9}")) {
            return -1;
        }
        long value = Long.parseLong(cell);
        return value > MAX_FIGURE ? -1 : value;
    }

    private static List<String> trimmed(List<String> cells) {
        List<String> out = new ArrayList<>(cells.size());
        cells.forEach(c -> out.add(c.strip()));
        return out;
    }
}
