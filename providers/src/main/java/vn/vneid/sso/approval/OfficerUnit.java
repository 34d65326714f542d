package vn.vneid.sso.approval;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The administrative unit an officer serves (issue #15): a province, district or commune, written as the id of
 * {@code VNEID_ADMIN_UNIT} ({@code PROVINCE:01}, {@code DISTRICT:001}, {@code COMMUNE:00001}). It is the user attribute
 * {@value #ATTRIBUTE}, which the realm's user profile lets only administrators see and edit: an officer cannot widen
 * his own reach. An officer sees and decides only records of communes inside his unit; without a unit, nothing.
 */
public record OfficerUnit(String id) {

    public static final String ATTRIBUTE = "vneidOfficerUnit";
    private static final Pattern ID = Pattern.compile("PROVINCE:[0-9]{2}|DISTRICT:[0-9]{3}|COMMUNE:[0-9]{5}");

    /** The unit written in the attribute, or empty when there is none or it is not a unit id. */
    public static Optional<OfficerUnit> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String value = raw.strip();
        return ID.matcher(value).matches() ? Optional.of(new OfficerUnit(value)) : Optional.empty();
    }

    /** The table id of a commune given by its 5-digit code, or empty when the code is not one. */
    public static Optional<String> communeId(String code) {
        return code != null && code.strip().matches("[0-9]{5}") ? Optional.of("COMMUNE:" + code.strip())
                : Optional.empty();
    }
}
