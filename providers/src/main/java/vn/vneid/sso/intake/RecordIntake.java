package vn.vneid.sso.intake;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One batch from one desk, record by record (issue #15): a new valid record is stored ({@code accepted}); the same
 * record again, in this batch or any earlier one, is acknowledged and stored once ({@code duplicate}); the same desk
 * record id with other content changes nothing ({@code conflict}); an invalid record is refused with every reason
 * ({@code invalid}). One record's fate never depends on another's.
 */
public final class RecordIntake {

    public enum Result {
        ACCEPTED, DUPLICATE, CONFLICT, INVALID;

        public String value() {
            return name().toLowerCase();
        }
    }

    /** The answer for one record; {@code deskRecordId} is what the desk sent (null when it sent none). */
    public record Outcome(String deskRecordId, Result result, List<RecordProblem> reasons) {
    }

    private final EnrolmentRecords records;
    private final LocalDate today;

    public RecordIntake(EnrolmentRecords records, LocalDate today) {
        this.records = records;
        this.today = today;
    }

    public List<Outcome> receive(String deskId, List<Map<String, String>> batch) {
        RecordValidator validator = new RecordValidator(records::communeExists, today);
        Map<String, String> seenInBatch = new HashMap<>();
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        for (Map<String, String> fields : batch) {
            RecordValidator.Outcome checked = validator.validate(fields);
            if (!checked.valid()) {
                outcomes.add(new Outcome(fields.get("deskRecordId"), Result.INVALID, checked.problems()));
                continue;
            }
            DeskRecord record = checked.record();
            String fingerprint = record.fingerprint();
            String known = seenInBatch.get(record.deskRecordId());
            if (known == null) {
                known = records.fingerprintOf(deskId, record.deskRecordId()).orElse(null);
            }
            if (known == null) {
                records.add(deskId, record, fingerprint);
                seenInBatch.put(record.deskRecordId(), fingerprint);
                outcomes.add(new Outcome(record.deskRecordId(), Result.ACCEPTED, List.of()));
            } else if (known.equals(fingerprint)) {
                seenInBatch.put(record.deskRecordId(), known);
                outcomes.add(new Outcome(record.deskRecordId(), Result.DUPLICATE, List.of()));
            } else {
                seenInBatch.put(record.deskRecordId(), known);
                outcomes.add(new Outcome(record.deskRecordId(), Result.CONFLICT,
                        List.of(new RecordProblem("deskRecordId", "conflict", "intakeConflict"))));
            }
        }
        return outcomes;
    }
}
