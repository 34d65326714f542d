package vn.vneid.sso.intake;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.util.JsonSerialization;

import vn.vneid.sso.http.BatchBody;
import vn.vneid.sso.intake.jpa.JpaEnrolmentRecords;
import vn.vneid.sso.kc.KcJsonErrors;
import vn.vneid.sso.kc.ServiceAccountGate;

/**
 * Record intake for one-stop desk systems (issue #15), {@code POST /realms/{realm}/vneid-intake/records} with
 * {@code {"records": [...]}} and a bearer token the desk's client obtained with client credentials; its service
 * account holds the realm role {@code vneid-intake}. Every record gets its own result. The batch is stored in a
 * transaction of its own that has committed before the answer is written: a record acknowledged is on disk, and when
 * the commit fails the desk gets an error and sends the batch again (which is safe: intake is idempotent).
 */
public final class RecordIntakeResource {

    static final String INTAKE_ROLE = "vneid-intake";
    private static final ServiceAccountGate GATE = new ServiceAccountGate(INTAKE_ROLE, "intakeInvalidToken",
            "not_a_desk", "intakeNotADesk");
    /** Room for one record's JSON, generously: the body limit follows the batch limit. */
    static final int MAX_RECORD_BYTES = 2048;
    static final int MAX_ATTEMPTS = 3;
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final Logger LOG = Logger.getLogger(RecordIntakeResource.class);

    private final KeycloakSession session;
    private final int maxBatch;

    RecordIntakeResource(KeycloakSession session, int maxBatch) {
        this.session = session;
        this.maxBatch = maxBatch;
    }

    @POST
    @Path("records")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(InputStream body) {
        RealmModel realm = session.getContext().getRealm();
        ServiceAccountGate.Admission admission = GATE.admit(session, realm);
        if (!admission.admitted()) {
            return admission.refusal();
        }

        List<Map<String, String>> batch;
        try {
            byte[] bytes = BatchBody.read(body, maxBatch, MAX_RECORD_BYTES);
            if (bytes == null) {
                return error(413, "batch_too_large", "intakeBatchTooLarge", maxBatch);
            }
            JsonNode json = JsonSerialization.mapper.readTree(bytes);
            if (json == null || !json.path("records").isArray()) {
                return error(400, "malformed", "intakeMalformed");
            }
            if (json.path("records").isEmpty()) {
                return error(400, "empty_batch", "intakeEmptyBatch");
            }
            if (json.path("records").size() > maxBatch) {
                return error(413, "batch_too_large", "intakeBatchTooLarge", maxBatch);
            }
            batch = fields(json.path("records"));
        } catch (IOException e) {
            return error(400, "malformed", "intakeMalformed");
        }

        String deskId = admission.caller().client().getClientId();
        List<RecordIntake.Outcome> outcomes = null;
        for (int attempt = 1; outcomes == null; attempt++) {
            try {
                outcomes = store(realm.getId(), deskId, batch);
            } catch (RuntimeException e) {
                // Most likely another request from this desk committed one of these records between our read and our
                // commit (the unique key refused ours). Nothing of this batch was stored; the next pass sees that
                // record as a duplicate.
                if (attempt == MAX_ATTEMPTS) {
                    LOG.warnf("intake batch from %s not committed after %d attempts (%s): nothing stored", deskId,
                            attempt, e.getClass().getSimpleName());
                    LOG.debug("intake batch not committed", e);
                    return error(503, "not_stored", "intakeNotStored");
                }
                LOG.infof("intake batch from %s not committed (%s), retrying", deskId, e.getClass().getSimpleName());
                LOG.debug("intake batch not committed", e);
                pause(attempt);
            }
        }
        return Response.ok(answer(outcomes)).build();
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(50L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Validates and stores the batch in its own transaction, committed when this returns. */
    private List<RecordIntake.Outcome> store(String realmId, String deskId, List<Map<String, String>> batch) {
        LocalDate today = LocalDate.now(VIETNAM);
        return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), s -> {
            JpaEnrolmentRecords records = new JpaEnrolmentRecords(
                    s.getProvider(JpaConnectionProvider.class).getEntityManager(), realmId, System.currentTimeMillis());
            return new RecordIntake(records, today).receive(deskId, batch);
        });
    }

    private static List<Map<String, String>> fields(JsonNode records) {
        List<Map<String, String>> batch = new ArrayList<>(records.size());
        for (JsonNode record : records) {
            Map<String, String> fields = new LinkedHashMap<>();
            if (record.isObject()) {
                // A number is read as its text (requestedLevel: 2); an array or object where a value belongs is kept
                // as its JSON text, which no field accepts, so it is reported, not ignored.
                record.fields().forEachRemaining(e -> fields.put(e.getKey(),
                        e.getValue().isNull() ? null : e.getValue().isValueNode() ? e.getValue().asText()
                                : e.getValue().toString()));
            }
            batch.add(fields);
        }
        return batch;
    }

    private Map<String, Object> answer(List<RecordIntake.Outcome> outcomes) {
        Map<RecordIntake.Result, Integer> counts = new EnumMap<>(RecordIntake.Result.class);
        List<Map<String, Object>> results = new ArrayList<>(outcomes.size());
        Map<String, String> messages = new LinkedHashMap<>();
        for (RecordIntake.Outcome outcome : outcomes) {
            counts.merge(outcome.result(), 1, Integer::sum);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("deskRecordId", outcome.deskRecordId());
            result.put("result", outcome.result().value());
            List<Map<String, String>> reasons = new ArrayList<>();
            for (RecordProblem problem : outcome.reasons()) {
                Map<String, String> reason = new LinkedHashMap<>();
                reason.put("field", problem.field());
                reason.put("code", problem.code());
                reason.put("message", messages.computeIfAbsent(problem.messageKey(),
                        key -> KcJsonErrors.message(session, null, key)));
                reasons.add(reason);
            }
            result.put("reasons", reasons);
            results.add(result);
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        for (RecordIntake.Result kind : RecordIntake.Result.values()) {
            summary.put(kind.value(), counts.getOrDefault(kind, 0));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("results", results);
        body.put("summary", summary);
        return body;
    }

    private Response error(int status, String code, String messageKey, Object... arguments) {
        return KcJsonErrors.error(session, null, status, code, messageKey, arguments);
    }
}
