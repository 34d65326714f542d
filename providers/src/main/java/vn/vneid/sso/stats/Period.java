package vn.vneid.sso.stats;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A campaign period as the targets name it: {@code 2023} (a year), {@code 2023-Q4} (a quarter) or {@code 2023-12} (a
 * month). Figures are cumulative up to the period's end, as the campaign reports them ("tính đến ngày ..."); the
 * period's days are Vietnam's (UTC+7).
 */
public record Period(String code, LocalDate first, LocalDate next) {

    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?");

    /** @throws IllegalArgumentException when the code is none of the three forms (or outside 2000-2100) */
    public static Period parse(String code) {
        Matcher m = code == null ? null : FORMAT.matcher(code.strip());
        if (m == null || !m.matches()) {
            throw new IllegalArgumentException("period");
        }
        int year = Integer.parseInt(m.group(1));
        if (year < 2000 || year > 2100) {
            throw new IllegalArgumentException("period");
        }
        if (m.group(2) != null) {
            LocalDate first = LocalDate.of(year, (Integer.parseInt(m.group(2)) - 1) * 3 + 1, 1);
            return new Period(m.group(), first, first.plusMonths(3));
        }
        if (m.group(3) != null) {
            LocalDate first = LocalDate.of(year, Integer.parseInt(m.group(3)), 1);
            return new Period(m.group(), first, first.plusMonths(1));
        }
        LocalDate first = LocalDate.of(year, 1, 1);
        return new Period(m.group(), first, first.plusYears(1));
    }

    /** The instant the period ends (exclusive), in epoch milliseconds like the records' timestamps. */
    public long endMillis() {
        return next.atStartOfDay(VIETNAM).toInstant().toEpochMilli();
    }

    /** The moment the figures describe: the period's end, or now while the period runs. */
    public long cutOffMillis(Instant now) {
        return Math.min(endMillis(), now.toEpochMilli());
    }
}
