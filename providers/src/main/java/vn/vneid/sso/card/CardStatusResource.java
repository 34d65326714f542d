package vn.vneid.sso.card;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.logging.Logger;
import org.keycloak.common.ClientConnection;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.util.JsonSerialization;

import vn.vneid.sso.http.BatchBody;
import vn.vneid.sso.kc.KcJsonErrors;
import vn.vneid.sso.kc.ServiceAccountGate;
import vn.vneid.sso.profile.CitizenProfile;

/**
 * Card status intake for the police system (issue #15), {@code POST /realms/{realm}/vneid-card-status/events} with
 * one event object or {@code {"events": [...]}}, and a bearer token the police system's client obtained with client
 * credentials; its service account holds the realm role {@code vneid-card-status}. Each event gets its own result and
 * is committed on its own before the answer: an event acknowledged has taken effect, and sending it again is safe.
 */
public final class CardStatusResource {

    static final String ROLE = "vneid-card-status";
    private static final ServiceAccountGate GATE = new ServiceAccountGate(ROLE, "cardStatusInvalidToken",
            "not_the_police_system", "cardStatusForbidden");
    static final int MAX_EVENT_BYTES = 2048;
    private static final Logger LOG = Logger.getLogger(CardStatusResource.class);

    private final KeycloakSession session;
    private final int maxBatch;

    CardStatusResource(KeycloakSession session, int maxBatch) {
        this.session = session;
        this.maxBatch = maxBatch;
    }

    @POST
    @Path("events")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(InputStream body) {
        RealmModel realm = session.getContext().getRealm();
        ServiceAccountGate.Admission admission = GATE.admit(session, realm);
        if (!admission.admitted()) {
            return admission.refusal();
        }
        JsonNode events;
        try {
            byte[] bytes = BatchBody.read(body, maxBatch, MAX_EVENT_BYTES);
            if (bytes == null) {
                return error(413, "batch_too_large", "cardStatusBatchTooLarge", maxBatch);
            }
            JsonNode json = JsonSerialization.mapper.readTree(bytes);
            if (json == null || !json.isObject()) {
                return error(400, "malformed", "cardStatusMalformed");
            }
            events = json.has("events") ? json.get("events") : JsonSerialization.mapper.createArrayNode().add(json);
            if (!events.isArray()) {
                return error(400, "malformed", "cardStatusMalformed");
            }
            if (events.isEmpty()) {
                return error(400, "empty_batch", "cardStatusEmptyBatch");
            }
            if (events.size() > maxBatch) {
                return error(413, "batch_too_large", "cardStatusBatchTooLarge", maxBatch);
            }
        } catch (IOException e) {
            return error(400, "malformed", "cardStatusMalformed");
        }

        ClientConnection connection = session.getContext().getConnection();
        List<Map<String, Object>> results = new ArrayList<>(events.size());
        Map<String, Integer> summary = new TreeMap<>();
        int index = 0;
        for (JsonNode event : events) {
            Map<String, Object> result = handle(realm.getId(), connection, index++, fields(event));
            summary.merge((String) result.get("result"), 1, Integer::sum);
            results.add(result);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("results", results);
        answer.put("summary", summary);
        return Response.ok(answer).build();
    }

    private Map<String, Object> handle(String realmId, ClientConnection connection, int index,
            Map<String, String> fields) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("index", index);
        if (fields.get("eventId") != null) {
            result.put("eventId", fields.get("eventId"));
        }
        CardStatusEvents.Parsed parsed = CardStatusEvents.parse(fields, Instant.now());
        if (!parsed.valid()) {
            return rejected(result, parsed.problems());
        }
        CardStatusEvent event = parsed.event();
        try {
            // Its own transaction, committed before the answer is written: what we acknowledge has taken effect.
            return KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), s -> {
                RealmModel realm = s.realms().getRealm(realmId);
                s.getContext().setRealm(realm);
                UserModel user = s.users().getUserByUsername(realm, event.nationalId());
                if (user == null || user.getServiceAccountClientLink() != null) {
                    return rejected(result, List.of(new CardStatusEvents.Problem("nationalId", "unknown_citizen",
                            "cardEventUnknownCitizen")));
                }
                if (!CitizenProfile.isLevelTwo(user)) {
                    return rejected(result, List.of(new CardStatusEvents.Problem("nationalId", "not_level_two",
                            "cardEventNotLevelTwo")));
                }
                CardState state = CardAccount.state(user);
                CardRules.EventVerdict verdict = CardRules.onEvent(state, event);
                switch (verdict) {
                    case NOT_CURRENT_CARD:
                        return rejected(result, List.of(new CardStatusEvents.Problem(
                                event.cardIssueDate() != null ? "cardIssueDate" : "occurredAt", "not_current_card",
                                "cardEventNotCurrentCard")));
                    case LOCK:
                        CardAccount.lock(user, state, event);
                        // Sessions confirmed at level 2 must not outlive the card: they end, and tokens issued before
                        // now stop working (refresh included). The citizen signs in again at level 1.
                        s.sessions().removeUserSessions(realm, user);
                        s.users().setNotBeforeForUser(realm, user, Time.currentTime());
                        audit(s, realm, connection, user, "locked", event);
                        result.put("result", "locked");
                        return result;
                    case UPDATE:
                        CardAccount.update(user, event);
                        audit(s, realm, connection, user, "status_updated", event);
                        result.put("result", "updated");
                        return result;
                    case UNCHANGED:
                        CardAccount.remember(user, event);
                        result.put("result", "unchanged");
                        return result;
                    case DUPLICATE:
                    default:
                        result.put("result", "duplicate");
                        return result;
                }
            });
        } catch (RuntimeException e) {
            // Most likely two requests changed the same account at once: nothing of this event was stored.
            LOG.warnf("card status event %d not stored (%s)", index, e.getClass().getSimpleName());
            LOG.debug("card status event not stored", e);
            result.put("result", "not_stored");
            result.put("reasons", List.of(reason(new CardStatusEvents.Problem(null, "not_stored",
                    "cardStatusNotStored"))));
            return result;
        }
    }

    private static void audit(KeycloakSession s, RealmModel realm, ClientConnection connection, UserModel user,
            String what, CardStatusEvent event) {
        new EventBuilder(realm, s, connection).event(EventType.UPDATE_PROFILE).user(user)
                .detail(CardEvents.DETAIL, what).detail(CardEvents.STATUS, event.status().name()).success();
    }

    private Map<String, Object> rejected(Map<String, Object> result, List<CardStatusEvents.Problem> problems) {
        result.put("result", "rejected");
        List<Map<String, String>> reasons = new ArrayList<>();
        for (CardStatusEvents.Problem problem : problems) {
            reasons.add(reason(problem));
        }
        result.put("reasons", reasons);
        return result;
    }

    private Map<String, String> reason(CardStatusEvents.Problem problem) {
        Map<String, String> reason = new LinkedHashMap<>();
        reason.put("field", problem.field());
        reason.put("code", problem.code());
        reason.put("message", KcJsonErrors.message(session, null, problem.messageKey()));
        return reason;
    }

    private static Map<String, String> fields(JsonNode event) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (event.isObject()) {
            // An array or object where a value belongs is kept as its JSON text, which no field accepts.
            event.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue().isNull() ? null
                    : e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
        }
        return fields;
    }

    private Response error(int status, String code, String messageKey, Object... arguments) {
        return KcJsonErrors.error(session, null, status, code, messageKey, arguments);
    }
}
