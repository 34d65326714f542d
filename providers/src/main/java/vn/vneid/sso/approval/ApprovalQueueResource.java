package vn.vneid.sso.approval;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.util.JsonSerialization;

import vn.vneid.sso.intake.EnrolmentStatus;
import vn.vneid.sso.intake.jpa.JpaApprovalQueue;
import vn.vneid.sso.kc.KcAdminAccess;
import vn.vneid.sso.kc.KcJsonErrors;
import vn.vneid.sso.phone.PhoneMask;
import vn.vneid.sso.profile.CitizenProfile;

/**
 * The level-2 approval queue of one-stop desk officers (issue #15 part 3), {@code /admin/realms/{realm}/vneid-approval}.
 * The caller is checked as at the officer desk (realm role {@code vneid-officer} in the token's scope, a session
 * confirmed at level 2) and must have a unit ({@link OfficerUnit}); every record outside the unit is answered as if it
 * did not exist. Each decision runs in a transaction of its own that has committed before the answer, and the SMS with
 * the activation code leaves only after that commit: an answer of 200 means the record is decided and stored.
 */
public final class ApprovalQueueResource {

    static final String OFFICER_ROLE = "vneid-officer";
    static final int DEFAULT_PAGE = 20;
    static final int MAX_PAGE = 100;
    private static final Logger LOG = Logger.getLogger(ApprovalQueueResource.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final KcAdminAccess access;
    private final ApprovalConfig config;
    private final Clock clock;

    ApprovalQueueResource(KeycloakSession session, RealmModel realm, KcAdminAccess access, ApprovalConfig config,
            Clock clock) {
        this.session = session;
        this.realm = realm;
        this.access = access;
        this.config = config;
        this.clock = clock;
    }

    /** {@code GET records?commune=00001&first=0&max=20}: pending records of the caller's unit, oldest first. */
    @GET
    @Path("records")
    @Produces(MediaType.APPLICATION_JSON)
    public Response pending(@QueryParam("commune") String commune, @QueryParam("first") String first,
            @QueryParam("max") String max) {
        Caller caller = caller();
        if (caller.refusal() != null) {
            return caller.refusal();
        }
        String communeId = null;
        if (commune != null && !commune.isBlank()) {
            communeId = OfficerUnit.communeId(commune).orElse(null);
            if (communeId == null) {
                return error(400, "malformed_commune", "approvalCommuneMalformed");
            }
        }
        // Taken as text: a non-number would otherwise fail JAX-RS's conversion, which answers 404 rather than this 400.
        int from = pagingNumber(first, 0);
        int size = pagingNumber(max, DEFAULT_PAGE);
        if (from < 0 || size < 1 || size > MAX_PAGE) {
            return error(400, "malformed_paging", "approvalPagingMalformed", MAX_PAGE);
        }
        JpaApprovalQueue queue = queue(session);
        Map<String, String> names = new HashMap<>();
        List<Map<String, Object>> records = new ArrayList<>();
        long now = clock.millis();
        for (QueuedRecord record : queue.pending(caller.unit().id(), communeId, from, size)) {
            records.add(summary(record, queue, names, now));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("unit", caller.unit().id());
        body.put("unitName", queue.unitName(caller.unit().id()));
        body.put("total", queue.countPending(caller.unit().id(), communeId));
        body.put("first", from);
        body.put("max", size);
        body.put("records", records);
        return Response.ok(body).build();
    }

    /** A paging parameter: the default when absent, -1 (refused by the caller) when not a whole number. */
    static int pagingNumber(String value, int absent) {
        if (value == null || value.isBlank()) {
            return absent;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** {@code GET records/{id}}: one record of the unit, in any status, with its history. */
    @GET
    @Path("records/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response record(@PathParam("id") String recordId) {
        Caller caller = caller();
        if (caller.refusal() != null) {
            return caller.refusal();
        }
        JpaApprovalQueue queue = queue(session);
        Optional<QueuedRecord> found = queue.findInUnit(recordId, caller.unit().id());
        if (found.isEmpty()) {
            return error(404, "unknown_record", "approvalUnknownRecord");
        }
        QueuedRecord record = found.get();
        Map<String, Object> body = summary(record, queue, new HashMap<>(), clock.millis());
        body.put("documentNumber", record.documentNumber());
        body.put("userId", record.userId());
        body.put("decidedBy", record.decidedBy());
        body.put("decidedAt", record.decidedAt() == null ? null : Instant.ofEpochMilli(record.decidedAt()).toString());
        if (record.code() != null) {
            body.put("activationCodeExpiresAt", record.code().expiresAt().toString());
            body.put("activationCodesResent", record.activationResends());
        }
        List<Map<String, Object>> history = new ArrayList<>();
        for (QueuedRecord.HistoryEntry entry : queue.history(record.id())) {
            Map<String, Object> step = new LinkedHashMap<>();
            step.put("status", entry.status().name());
            step.put("at", Instant.ofEpochMilli(entry.at()).toString());
            step.put("actor", entry.actor());
            step.put("reason", entry.reason());
            history.add(step);
        }
        body.put("history", history);
        return Response.ok(body).build();
    }

    /**
     * {@code POST records/{id}/approve}: creates the citizen's account (or takes the existing level-1 account), records
     * the card's document number, and sends the activation code to the record's phone.
     */
    @POST
    @Path("records/{id}/approve")
    @Produces(MediaType.APPLICATION_JSON)
    public Response approve(@PathParam("id") String recordId, @Context UriInfo uriInfo) {
        Caller caller = caller();
        if (caller.refusal() != null) {
            return caller.refusal();
        }
        Decision decision;
        try {
            decision = KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(),
                    s -> approveIn(s, recordId, caller));
        } catch (RuntimeException e) {
            // The unique national ID of accounts, or the record's row lock, refused a decision that raced with
            // another one: nothing of ours was stored. Whoever won, this record is no longer pending for this caller.
            LOG.debugf(e, "approval of record %s not committed", recordId);
            return refusal(ApprovalRules.Refusal.NOT_PENDING);
        }
        if (decision.response() != null) {
            return decision.response();
        }
        UserModel citizen = session.users().getUserById(realm, decision.userId());
        boolean sent = ActivationSms.send(session, config, citizen, decision.phone(), decision.code());
        audit(uriInfo, "vneid-record-approve", recordId, caller, null);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", EnrolmentStatus.APPROVED.name());
        body.put("userId", decision.userId());
        body.put("accountCreated", decision.created());
        body.put("documentNumber", decision.documentNumber());
        body.put("activationSmsSent", sent);
        body.put("phone", PhoneMask.mask(decision.phone()));
        return Response.ok(body).build();
    }

    private Decision approveIn(KeycloakSession s, String recordId, Caller caller) {
        RealmModel r = s.realms().getRealm(realm.getId());
        s.getContext().setRealm(r);
        JpaApprovalQueue queue = queue(s);
        QueuedRecord record = queue.findInUnit(recordId, caller.unit().id()).orElse(null);
        if (record == null) {
            return Decision.refused(error(404, "unknown_record", "approvalUnknownRecord"));
        }
        UserModel account = s.users().getUserByUsername(r, record.nationalId());
        Optional<ApprovalRules.Refusal> refused = ApprovalRules.approve(facts(s, r, queue, record, account, caller));
        if (refused.isPresent()) {
            return Decision.refused(refusal(refused.get()));
        }
        Instant now = clock.instant();
        if (!queue.move(record.id(), EnrolmentStatus.PENDING_APPROVAL, EnrolmentStatus.APPROVED, caller.userId(),
                null, now.toEpochMilli())) {
            return Decision.refused(refusal(ApprovalRules.Refusal.NOT_PENDING));
        }
        boolean created = account == null;
        String documentNumber = DocumentNumber.of(record.nationalId());
        if (created) {
            // A new account waits disabled and without a password until the citizen activates it (part 4); its level
            // and its verified phone are written then, when the code has proven the phone.
            account = s.users().addUser(r, record.nationalId());
            account.setEnabled(false);
            account.setSingleAttribute(CitizenProfile.FULL_NAME, record.fullName());
            account.setSingleAttribute(CitizenProfile.BIRTHDATE, record.birthDate().toString());
            account.setSingleAttribute(CitizenProfile.GENDER, record.sex());
            account.setSingleAttribute(CitizenProfile.PHONE, record.phone());
            account.setSingleAttribute(CitizenProfile.PHONE_VERIFIED, "false");
        }
        // An existing level-1 account keeps its id, password and phone until activation upgrades it.
        account.setSingleAttribute(DocumentNumber.ATTRIBUTE, documentNumber);
        queue.decided(record.id(), caller.userId(), now.toEpochMilli(), account.getId(), documentNumber);
        String code = ActivationSms.issue(queue, record.id(), config, now, 0);
        return new Decision(null, account.getId(), created, documentNumber, record.phone(), code);
    }

    /** {@code POST records/{id}/reject} with {@code {"reason": "..."}} (10-500 characters). */
    @POST
    @Path("records/{id}/reject")
    @Produces(MediaType.APPLICATION_JSON)
    public Response reject(@PathParam("id") String recordId, InputStream body, @Context UriInfo uriInfo) {
        Caller caller = caller();
        if (caller.refusal() != null) {
            return caller.refusal();
        }
        String raw;
        try {
            JsonNode json = JsonSerialization.mapper.readTree(body.readNBytes(16 * 1024));
            raw = json == null || !json.path("reason").isTextual() ? null : json.path("reason").asText();
        } catch (IOException e) {
            return error(400, "malformed", "approvalMalformed");
        }
        Optional<String> reason = ApprovalRules.reason(raw);
        if (reason.isEmpty()) {
            return error(400, "reason_required", "approvalReasonRequired", ApprovalRules.MIN_REASON,
                    ApprovalRules.MAX_REASON);
        }
        Response answer;
        try {
            answer = KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), s -> {
                RealmModel r = s.realms().getRealm(realm.getId());
                s.getContext().setRealm(r);
                JpaApprovalQueue queue = queue(s);
                QueuedRecord record = queue.findInUnit(recordId, caller.unit().id()).orElse(null);
                if (record == null) {
                    return error(404, "unknown_record", "approvalUnknownRecord");
                }
                UserModel account = s.users().getUserByUsername(r, record.nationalId());
                Optional<ApprovalRules.Refusal> refused = ApprovalRules.reject(
                        facts(s, r, queue, record, account, caller));
                if (refused.isPresent()) {
                    return refusal(refused.get());
                }
                long now = clock.millis();
                if (!queue.move(record.id(), EnrolmentStatus.PENDING_APPROVAL, EnrolmentStatus.REJECTED,
                        caller.userId(), reason.get(), now)) {
                    return refusal(ApprovalRules.Refusal.NOT_PENDING);
                }
                queue.decided(record.id(), caller.userId(), now, null, null);
                return null;
            });
        } catch (RuntimeException e) {
            LOG.debugf(e, "rejection of record %s not committed", recordId);
            return refusal(ApprovalRules.Refusal.NOT_PENDING);
        }
        if (answer != null) {
            return answer;
        }
        audit(uriInfo, "vneid-record-reject", recordId, caller, reason.get());
        return Response.ok(Map.of("status", EnrolmentStatus.REJECTED.name())).build();
    }

    /**
     * {@code POST records/{id}/activation-code}: a new code for an approved record whose citizen lost or never got the
     * first (limits: {@link ApprovalConfig#maxResends()}, one per {@link ApprovalConfig#resendCooldown()}).
     */
    @POST
    @Path("records/{id}/activation-code")
    @Produces(MediaType.APPLICATION_JSON)
    public Response resend(@PathParam("id") String recordId, @Context UriInfo uriInfo) {
        Caller caller = caller();
        if (caller.refusal() != null) {
            return caller.refusal();
        }
        Decision decision;
        try {
            decision = KeycloakModelUtils.runJobInTransactionWithResult(session.getKeycloakSessionFactory(), s -> {
                JpaApprovalQueue queue = queue(s);
                QueuedRecord record = queue.findInUnit(recordId, caller.unit().id()).orElse(null);
                if (record == null) {
                    return Decision.refused(error(404, "unknown_record", "approvalUnknownRecord"));
                }
                if (record.status() != EnrolmentStatus.APPROVED) {
                    return Decision.refused(error(409, "not_approved", "approvalNotApproved"));
                }
                if (record.activationResends() >= config.maxResends()) {
                    return Decision.refused(error(429, "resend_limit", "approvalResendLimit", config.maxResends()));
                }
                Instant now = clock.instant();
                if (record.code() != null && now.isBefore(record.code().sentAt().plus(config.resendCooldown()))) {
                    long wait = Math.max(1, Duration.between(now, record.code().sentAt()
                            .plus(config.resendCooldown())).toSeconds());
                    return Decision.refused(error(429, "too_early", "approvalResendTooEarly", wait));
                }
                String code = ActivationSms.issue(queue, record.id(), config, now, record.activationResends() + 1);
                return new Decision(null, record.userId(), false, record.documentNumber(), record.phone(), code);
            });
        } catch (RuntimeException e) {
            LOG.debugf(e, "new activation code for record %s not committed", recordId);
            return error(409, "not_approved", "approvalNotApproved");
        }
        if (decision.response() != null) {
            return decision.response();
        }
        UserModel citizen = decision.userId() == null ? null : session.users().getUserById(realm, decision.userId());
        boolean sent = ActivationSms.send(session, config, citizen, decision.phone(), decision.code());
        audit(uriInfo, "vneid-activation-code-resend", recordId, caller, null);
        return Response.ok(Map.of("activationSmsSent", sent, "phone", PhoneMask.mask(decision.phone()))).build();
    }

    private ApprovalRules.Facts facts(KeycloakSession s, RealmModel r, JpaApprovalQueue queue, QueuedRecord record,
            UserModel account, Caller caller) {
        boolean officerOrAdmin = account != null && (r.getRole(OFFICER_ROLE) != null
                && account.hasRole(r.getRole(OFFICER_ROLE)) || KcAdminAccess.isAdministrator(r, account));
        boolean phoneElsewhere = CitizenProfile.verifiedOnAnotherAccount(s, r, record.phone(), account);
        return new ApprovalRules.Facts(record.status(), caller.nationalId(), record.nationalId(), officerOrAdmin,
                CitizenProfile.isLevelTwo(account), queue.otherAwaitingActivation(record.nationalId(), record.id()),
                phoneElsewhere, account != null && !account.isEnabled());
    }

    private Map<String, Object> summary(QueuedRecord record, JpaApprovalQueue queue, Map<String, String> names,
            long now) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", record.id());
        body.put("status", record.status().name());
        body.put("nationalId", record.nationalId());
        body.put("fullName", record.fullName());
        body.put("birthDate", record.birthDate().toString());
        body.put("sex", record.sex());
        body.put("phone", PhoneMask.mask(record.phone()));
        body.put("requestedLevel", record.requestedLevel());
        body.put("commune", record.communeId().substring(record.communeId().indexOf(':') + 1));
        body.put("communeName", names.computeIfAbsent(record.communeId(), queue::unitName));
        body.put("desk", record.deskId());
        body.put("deskRecordId", record.deskRecordId());
        body.put("receivedAt", Instant.ofEpochMilli(record.receivedAt()).toString());
        body.put("ageDays", Math.max(0, (now - record.receivedAt()) / 86_400_000L));
        return body;
    }

    /** The officer calling, with his unit; or the refusal to answer. */
    private record Caller(Response refusal, String userId, String nationalId, OfficerUnit unit) {
    }

    private Caller caller() {
        if (!access.callerHasRealmRole(realm, OFFICER_ROLE)) {
            return new Caller(error(403, "not_an_officer", "officerNotAnOfficer"), null, null, null);
        }
        if (access.callerLevelOfAuthentication(session, realm) < 2) {
            return new Caller(error(403, "level2_required", "officerLevelTwoRequired"), null, null, null);
        }
        UserModel officer = access.caller();
        Optional<OfficerUnit> unit = OfficerUnit.parse(officer.getFirstAttribute(OfficerUnit.ATTRIBUTE));
        if (unit.isEmpty() || !queue(session).unitExists(unit.get().id())) {
            return new Caller(error(403, "no_unit", "approvalNoUnit"), null, null, null);
        }
        return new Caller(null, officer.getId(), officer.getUsername(), unit.get());
    }

    /** The outcome of a decision's transaction: a refusal, or what the SMS needs once it has committed. */
    private record Decision(Response response, String userId, boolean created, String documentNumber, String phone,
            String code) {
        static Decision refused(Response response) {
            return new Decision(response, null, false, null, null, null);
        }
    }

    private void audit(UriInfo uriInfo, String action, String recordId, Caller caller, String reason) {
        Map<String, String> audit = new LinkedHashMap<>();
        audit.put("action", action);
        audit.put("record", recordId);
        audit.put("officer", caller.nationalId());
        if (reason != null) {
            audit.put("reason", reason);
        }
        access.auditUserUpdate(uriInfo, audit);
    }

    private JpaApprovalQueue queue(KeycloakSession s) {
        return new JpaApprovalQueue(s.getProvider(JpaConnectionProvider.class).getEntityManager(), realm.getId());
    }

    private Response refusal(ApprovalRules.Refusal refusal) {
        return error(refusal.status(), refusal.code(), refusal.messageKey());
    }

    private Response error(int status, String code, String messageKey, Object... arguments) {
        return KcJsonErrors.error(session, access.caller(), status, code, messageKey, arguments);
    }
}
