package vn.vneid.sso.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RecordIntakeTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 24);

    /** In memory, as the JPA store behaves: one record per (desk, desk record id). */
    static final class MemoryRecords implements EnrolmentRecords {
        final Map<String, String> fingerprints = new HashMap<>();
        final Map<String, DeskRecord> stored = new HashMap<>();

        @Override
        public Optional<String> fingerprintOf(String deskId, String deskRecordId) {
            return Optional.ofNullable(fingerprints.get(deskId + "/" + deskRecordId));
        }

        @Override
        public void add(String deskId, DeskRecord record, String fingerprint) {
            assertThat(fingerprints.putIfAbsent(deskId + "/" + record.deskRecordId(), fingerprint)).isNull();
            stored.put(deskId + "/" + record.deskRecordId(), record);
        }

        @Override
        public boolean communeExists(String communeCode) {
            return Set.of("00001", "00004").contains(communeCode);
        }
    }

    static Map<String, String> record(String deskRecordId) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("deskRecordId", deskRecordId);
        fields.put("nationalId", "001085012345");
        fields.put("fullName", "Nguyễn Văn An");
        fields.put("birthDate", "1985-03-02");
        fields.put("sex", "male");
        fields.put("phone", "0912 345 678");
        fields.put("requestedLevel", "2");
        fields.put("communeCode", "00001");
        return fields;
    }

    static Map<String, String> with(Map<String, String> fields, String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(fields);
        copy.put(key, value);
        return copy;
    }

    @Test
    void aValidRecordIsNormalised() {
        RecordValidator.Outcome outcome = new RecordValidator(c -> true, TODAY)
                .validate(with(record("A-1"), "fullName", "  Nguye\u0302\u0303n   Văn An "));
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.record().fullName()).isEqualTo("Nguyễn Văn An");
        assertThat(outcome.record().phone()).isEqualTo("+84912345678");
        assertThat(outcome.record().requestedLevel()).isEqualTo(2);
    }

    @Test
    void everyProblemIsReportedWithItsField() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("deskRecordId", "has space");
        bad.put("nationalId", "001085");
        bad.put("birthDate", "1985-02-30");
        bad.put("sex", "x");
        bad.put("phone", "0241234567");
        bad.put("requestedLevel", "3");
        bad.put("communeCode", "1");
        RecordValidator.Outcome outcome = new RecordValidator(c -> true, TODAY).validate(bad);
        assertThat(outcome.valid()).isFalse();
        assertThat(outcome.problems()).extracting(RecordProblem::field, RecordProblem::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple("deskRecordId", "malformed"),
                org.assertj.core.groups.Tuple.tuple("nationalId", "wrong_length"),
                org.assertj.core.groups.Tuple.tuple("fullName", "required"),
                org.assertj.core.groups.Tuple.tuple("birthDate", "malformed"),
                org.assertj.core.groups.Tuple.tuple("sex", "malformed"),
                org.assertj.core.groups.Tuple.tuple("phone", "fixed_line"),
                org.assertj.core.groups.Tuple.tuple("requestedLevel", "malformed"),
                org.assertj.core.groups.Tuple.tuple("communeCode", "malformed"));
    }

    @Test
    void theNumberMustFitBirthYearAndSex() {
        RecordValidator validator = new RecordValidator(c -> true, TODAY);
        assertThat(validator.validate(with(record("A"), "birthDate", "1986-03-02")).problems())
                .extracting(RecordProblem::code).containsExactly("birth_year_mismatch");
        assertThat(validator.validate(with(record("A"), "sex", "female")).problems())
                .extracting(RecordProblem::code).containsExactly("gender_mismatch");
    }

    @Test
    void anUnknownCommuneIsRefused() {
        assertThat(new RecordValidator(c -> false, TODAY).validate(record("A")).problems())
                .extracting(RecordProblem::code).containsExactly("unknown_commune");
    }

    @Test
    void theFingerprintIgnoresHowTheSameRecordIsWritten() {
        RecordValidator validator = new RecordValidator(c -> true, TODAY);
        String once = validator.validate(record("A")).record().fingerprint();
        String again = validator.validate(with(with(record("A"), "phone", "+84 912 345 678"), "nationalId",
                "001 085 012 345")).record().fingerprint();
        String other = validator.validate(with(record("A"), "requestedLevel", "1")).record().fingerprint();
        assertThat(again).isEqualTo(once).hasSize(64);
        assertThat(other).isNotEqualTo(once);
    }

    @Test
    void duplicatesAreAcknowledgedConflictsChangeNothingInvalidOnesAreRefusedAlone() {
        MemoryRecords store = new MemoryRecords();
        RecordIntake intake = new RecordIntake(store, TODAY);
        List<RecordIntake.Outcome> first = intake.receive("desk-a", List.of(record("A-1"), record("A-1"),
                with(record("A-1"), "fullName", "Nguyễn Văn Ân"), with(record("A-2"), "communeCode", "99999"),
                record("A-3")));
        assertThat(first).extracting(RecordIntake.Outcome::result).containsExactly(RecordIntake.Result.ACCEPTED,
                RecordIntake.Result.DUPLICATE, RecordIntake.Result.CONFLICT, RecordIntake.Result.INVALID,
                RecordIntake.Result.ACCEPTED);
        assertThat(store.stored.get("desk-a/A-1").fullName()).isEqualTo("Nguyễn Văn An");

        List<RecordIntake.Outcome> again = intake.receive("desk-a", List.of(record("A-1"), record("A-3"),
                with(record("A-3"), "phone", "0983456721")));
        assertThat(again).extracting(RecordIntake.Outcome::result).containsExactly(RecordIntake.Result.DUPLICATE,
                RecordIntake.Result.DUPLICATE, RecordIntake.Result.CONFLICT);
        // Another desk's ids are its own.
        assertThat(intake.receive("desk-b", List.of(record("A-1")))).extracting(RecordIntake.Outcome::result)
                .containsExactly(RecordIntake.Result.ACCEPTED);
        assertThat(store.stored).hasSize(3);
    }
}
