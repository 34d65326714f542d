package vn.vneid.sso.intake;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import vn.vneid.sso.identity.Gender;
import vn.vneid.sso.identity.NationalIdException;
import vn.vneid.sso.identity.NationalIdNumber;
import vn.vneid.sso.phone.PhoneNumber;
import vn.vneid.sso.phone.PhoneNumberException;

/**
 * Checks one record from a one-stop desk, field by field, and reports every problem at once (the desk fixes them in
 * one go). Pure: the commune check is a predicate given by the caller (our administrative-unit table), today is given.
 */
public final class RecordValidator {

    public static final int MAX_DESK_RECORD_ID = 64;
    public static final int MAX_FULL_NAME = 200;
    private static final Pattern DESK_RECORD_ID = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_DESK_RECORD_ID + "}");
    private static final Pattern COMMUNE_CODE = Pattern.compile("[0-9]{5}");
    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    private final Predicate<String> communeExists;
    private final LocalDate today;

    public RecordValidator(Predicate<String> communeExists, LocalDate today) {
        this.communeExists = communeExists;
        this.today = today;
    }

    /** The outcome for one record: the normalised record, or the list of problems (never both). */
    public record Outcome(DeskRecord record, List<RecordProblem> problems) {
        public boolean valid() {
            return record != null;
        }
    }

    /** @param fields the record's JSON members as strings (numbers as their text); absent members are null */
    public Outcome validate(Map<String, String> fields) {
        List<RecordProblem> problems = new ArrayList<>();
        String deskRecordId = trim(fields.get("deskRecordId"));
        if (deskRecordId == null) {
            problems.add(new RecordProblem("deskRecordId", "required", "intakeFieldRequired"));
        } else if (!DESK_RECORD_ID.matcher(deskRecordId).matches()) {
            problems.add(new RecordProblem("deskRecordId", "malformed", "intakeDeskRecordIdMalformed"));
        }

        NationalIdNumber id = null;
        try {
            id = NationalIdNumber.parse(fields.get("nationalId"), today.getYear());
        } catch (NationalIdException e) {
            problems.add(new RecordProblem("nationalId", e.reason().name().toLowerCase(), e.reason().messageKey()));
        }

        String fullName = trim(fields.get("fullName"));
        if (fullName == null) {
            problems.add(new RecordProblem("fullName", "required", "intakeFieldRequired"));
        } else {
            fullName = Normalizer.normalize(fullName.replaceAll("\\s+", " "), Normalizer.Form.NFC);
            if (fullName.length() > MAX_FULL_NAME || !fullName.codePoints().allMatch(
                    c -> Character.isLetter(c) || c == ' ' || c == '\'' || c == '-' || Character.getType(c)
                            == Character.NON_SPACING_MARK)) {
                problems.add(new RecordProblem("fullName", "malformed", "intakeFullNameMalformed"));
            }
        }

        LocalDate birthDate = date(fields.get("birthDate"), problems);
        Gender sex = null;
        String rawSex = trim(fields.get("sex"));
        if (rawSex == null) {
            problems.add(new RecordProblem("sex", "required", "intakeFieldRequired"));
        } else {
            sex = Gender.fromClaimValue(rawSex).orElse(null);
            if (sex == null) {
                problems.add(new RecordProblem("sex", "malformed", "intakeSexMalformed"));
            }
        }
        if (id != null) {
            // Digits 4-6 encode century, sex and birth year (Decree 137/2015 art. 7): the card and the record agree.
            Optional<NationalIdException.Reason> mismatch = id.mismatchWith(birthDate, sex);
            mismatch.ifPresent(reason -> problems.add(
                    new RecordProblem("nationalId", reason.name().toLowerCase(), reason.messageKey())));
        }

        PhoneNumber phone = null;
        try {
            phone = PhoneNumber.parse(fields.get("phone"));
        } catch (PhoneNumberException e) {
            problems.add(new RecordProblem("phone", e.reason().name().toLowerCase(), e.reason().messageKey()));
        }

        int level = 0;
        String rawLevel = trim(fields.get("requestedLevel"));
        if (rawLevel == null) {
            problems.add(new RecordProblem("requestedLevel", "required", "intakeFieldRequired"));
        } else if (rawLevel.equals("1") || rawLevel.equals("2")) {
            level = Integer.parseInt(rawLevel);
        } else {
            problems.add(new RecordProblem("requestedLevel", "malformed", "intakeLevelMalformed"));
        }

        String commune = trim(fields.get("communeCode"));
        if (commune == null) {
            problems.add(new RecordProblem("communeCode", "required", "intakeFieldRequired"));
        } else if (!COMMUNE_CODE.matcher(commune).matches()) {
            problems.add(new RecordProblem("communeCode", "malformed", "intakeCommuneMalformed"));
        } else if (problems.isEmpty() && !communeExists.test(commune)) {
            // Asked last, and only of an otherwise valid record: the one check that reads the database.
            problems.add(new RecordProblem("communeCode", "unknown_commune", "intakeCommuneUnknown"));
        }

        if (!problems.isEmpty()) {
            return new Outcome(null, List.copyOf(problems));
        }
        return new Outcome(new DeskRecord(deskRecordId, id.value(), fullName, birthDate, sex, phone.e164(), level,
                commune), List.of());
    }

    private LocalDate date(String raw, List<RecordProblem> problems) {
        String value = trim(raw);
        if (value == null) {
            problems.add(new RecordProblem("birthDate", "required", "intakeFieldRequired"));
            return null;
        }
        LocalDate date = null;
        if (ISO_DATE.matcher(value).matches()) {
            try {
                date = LocalDate.parse(value);
            } catch (DateTimeException e) {
                date = null;
            }
        }
        if (date == null) {
            problems.add(new RecordProblem("birthDate", "malformed", "intakeBirthDateMalformed"));
        } else if (date.isAfter(today)) {
            problems.add(new RecordProblem("birthDate", "in_future", "intakeBirthDateInFuture"));
            return null;
        }
        return date;
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
