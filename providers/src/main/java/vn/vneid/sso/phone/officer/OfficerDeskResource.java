package vn.vneid.sso.phone.officer;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.util.JsonSerialization;

import vn.vneid.sso.card.CardAccount;
import vn.vneid.sso.card.CardStatus;
import vn.vneid.sso.identity.NationalIdException;
import vn.vneid.sso.identity.NationalIdNumber;
import vn.vneid.sso.kc.KcAdminAccess;
import vn.vneid.sso.kc.KcJsonErrors;
import vn.vneid.sso.limit.FixedWindowLimiter;
import vn.vneid.sso.limit.WindowCounter;
import vn.vneid.sso.phone.PhoneMask;
import vn.vneid.sso.phone.PhoneNumber;
import vn.vneid.sso.phone.PhoneNumberException;
import vn.vneid.sso.phone.RegistryVerdict;
import vn.vneid.sso.phone.registry.RegistryUnavailableException;
import vn.vneid.sso.phone.registry.SimCheck;
import vn.vneid.sso.profile.CitizenProfile;

/**
 * What a one-stop desk officer (commune police) may do, and nothing more (issue #11): find a citizen by national ID
 * and reset a phone the citizen can no longer use, with a reason, while the citizen stands at the desk with the chip
 * ID card. Officers hold no Keycloak admin role: every check is here. The caller must hold the realm role {@code
 * vneid-officer} through a client that has it in scope, from a session confirmed at level 2; never on their own
 * account, another officer's or an administrator's. Mounted at {@code /admin/realms/{realm}/vneid-officer}.
 */
public final class OfficerDeskResource {

    static final String OFFICER_ROLE = "vneid-officer";
    static final int MIN_REASON_LENGTH = 10;
    static final int MAX_REASON_LENGTH = 500;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final KcAdminAccess access;
    private final int lookupsPerDay;
    private final Clock clock;

    OfficerDeskResource(KeycloakSession session, RealmModel realm, KcAdminAccess access, int lookupsPerDay,
            Clock clock) {
        this.session = session;
        this.realm = realm;
        this.access = access;
        this.lookupsPerDay = lookupsPerDay;
        this.clock = clock;
    }

    /** {@code GET citizens?nationalId=...}: the one citizen with that number, as much as the desk needs to see. */
    @GET
    @Path("citizens")
    @Produces(MediaType.APPLICATION_JSON)
    public Response find(@QueryParam("nationalId") String nationalId) {
        Response refused = refuseCaller();
        if (refused != null) {
            return refused;
        }
        NationalIdNumber id;
        try {
            id = NationalIdNumber.parse(nationalId);
        } catch (NationalIdException e) {
            return error(400, "national_id_required", "officerNationalIdRequired");
        }
        // A desk looks up the citizens in front of it: a daily cap per officer, and every look-up in the admin
        // events, so that a stolen console session cannot harvest the register unseen.
        if (new FixedWindowLimiter(session).tryAcquire(List.of(lookupCounter())).isPresent()) {
            return error(429, "too_many_lookups", "officerTooManyLookups", lookupsPerDay);
        }
        UserModel citizen = session.users().getUserByUsername(realm, id.value());
        Map<String, String> audit = new LinkedHashMap<>();
        audit.put("action", "vneid-citizen-lookup");
        audit.put("officer", access.callerUsername());
        audit.put("nationalId", id.value());
        audit.put("found", String.valueOf(citizen != null));
        access.auditAction(citizen == null ? "vneid-officer/citizens" : "users/" + citizen.getId(), audit);
        if (citizen == null) {
            return error(404, "unknown_citizen", "officerUnknownCitizen");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", citizen.getId());
        body.put("nationalId", citizen.getUsername());
        body.put("fullName", citizen.getFirstAttribute(CitizenProfile.FULL_NAME));
        body.put("level", CitizenProfile.isLevelTwo(citizen) ? 2 : 1);
        String phone = citizen.getFirstAttribute(CitizenProfile.PHONE);
        body.put("phone", phone == null ? null : PhoneMask.mask(phone));
        body.put("phoneVerified", CitizenProfile.verifiedPhone(citizen) != null);
        body.put("enabled", citizen.isEnabled());
        CardStatus lock = CardAccount.lockStatus(citizen);
        body.put("cardLocked", lock != null);
        body.put("cardStatus", lock == null ? null : lock.name());
        return Response.ok(body).build();
    }

    /**
     * {@code POST users/{id}/phone-reset} with {@code {"reason": "...", "newPhone": "09..."}}: the lost phone stops
     * counting, the citizen's sessions end, and the next sign-in binds the new number given at the desk and no other
     * (registry check and a code to it, no chip: the officer has seen the card). The reason, the officer and the
     * masked new number land in the realm's admin events.
     */
    @POST
    @Path("users/{id}/phone-reset")
    @Produces(MediaType.APPLICATION_JSON)
    public Response reset(@PathParam("id") String userId, InputStream body, @Context UriInfo uriInfo) {
        Response refused = refuseCaller();
        if (refused != null) {
            return refused;
        }
        UserModel citizen = session.users().getUserById(realm, userId);
        if (citizen == null) {
            return error(404, "unknown_citizen", "officerUnknownCitizen");
        }
        refused = refuseTarget(citizen);
        if (refused != null) {
            return refused;
        }
        // Issue #15: the card the officer would check is reported; level 2 (and what needs it) waits for the new card.
        if (CitizenProfile.isLockedForCardLoss(citizen)) {
            return error(409, "card_locked", "officerCardLocked");
        }
        String reason;
        String newPhone;
        try {
            JsonNode json = JsonSerialization.mapper.readTree(body.readNBytes(16 * 1024));
            reason = json == null || !json.path("reason").isTextual() ? "" : json.path("reason").asText().strip();
            newPhone = json == null || !json.path("newPhone").isTextual() ? "" : json.path("newPhone").asText();
        } catch (IOException e) {
            return error(400, "malformed", "officerMalformed");
        }
        if (reason.length() < MIN_REASON_LENGTH || reason.length() > MAX_REASON_LENGTH) {
            return error(400, "reason_required", "officerReasonRequired", MIN_REASON_LENGTH, MAX_REASON_LENGTH);
        }
        // The number the citizen brings to the desk: the next binding binds it and no other, so that whoever holds
        // the lost SIM (and the password) cannot bind the old number again.
        PhoneNumber number;
        try {
            number = PhoneNumber.parse(newPhone);
        } catch (PhoneNumberException e) {
            return error(400, "new_phone_required", "officerNewPhoneRequired");
        }
        String lostPhone = citizen.getFirstAttribute(CitizenProfile.PHONE);
        if (number.e164().equals(lostPhone)) {
            return error(409, "same_phone", "officerSamePhone");
        }
        // The registry is asked now, with the citizen at the desk: a typo or a SIM in another name is caught here,
        // not at a sign-in where only this number could be bound.
        SimCheck.Verdict verdict;
        try {
            verdict = RegistryVerdict.of(session, realm, citizen, number, clock);
        } catch (RegistryUnavailableException e) {
            return error(503, "registry_unavailable", "phoneRegistryUnavailable");
        }
        if (verdict != SimCheck.Verdict.ACCEPTED) {
            return error(409, "phone_" + verdict.code(), verdict.messageKey());
        }
        if (CitizenProfile.verifiedOnAnotherAccount(session, realm, number.e164(), citizen)) {
            return error(409, "phone_in_use", "phoneInUse");
        }
        citizen.setSingleAttribute(CitizenProfile.PHONE, number.e164());
        citizen.setSingleAttribute(CitizenProfile.PHONE_VERIFIED, "false");
        citizen.setSingleAttribute(CitizenProfile.PHONE_PINNED_BY_DESK, number.e164());
        citizen.removeAttribute(CitizenProfile.PHONE_REBIND_NEEDS_CHIP);
        citizen.addRequiredAction(CitizenProfile.VERIFY_PHONE_ACTION);
        // Whoever holds the lost phone may hold a session too: it ends, and tokens issued before now stop working.
        session.sessions().removeUserSessions(realm, citizen);
        session.users().setNotBeforeForUser(realm, citizen, Time.currentTime());

        Map<String, String> audit = new LinkedHashMap<>();
        audit.put("action", "vneid-phone-reset");
        audit.put("officer", access.callerUsername());
        audit.put("reason", reason);
        audit.put("lostPhone", lostPhone == null ? null : PhoneMask.mask(lostPhone));
        audit.put("newPhone", PhoneMask.mask(number.e164()));
        access.auditUserUpdate(uriInfo, audit);
        return Response.ok(Map.of("status", "reset")).build();
    }

    private WindowCounter<String> lookupCounter() {
        long day = clock.millis() / 86_400_000L;
        return new WindowCounter<>("lookups", "vneid.officer.lookup." + access.caller().getId() + "." + day,
                lookupsPerDay, 86_400L);
    }

    private Response refuseCaller() {
        if (!access.callerHasRealmRole(realm, OFFICER_ROLE)) {
            return error(403, "not_an_officer", "officerNotAnOfficer");
        }
        if (access.callerLevelOfAuthentication(session, realm) < 2) {
            return error(403, "level2_required", "officerLevelTwoRequired");
        }
        return null;
    }

    private Response refuseTarget(UserModel citizen) {
        UserModel caller = access.caller();
        if (caller.getId().equals(citizen.getId())) {
            return error(403, "own_account", "officerOwnAccount");
        }
        if (realm.getRole(OFFICER_ROLE) != null && citizen.hasRole(realm.getRole(OFFICER_ROLE))
                || KcAdminAccess.isAdministrator(realm, citizen)) {
            return error(403, "officer_account", "officerOtherOfficer");
        }
        return null;
    }

    private Response error(int status, String code, String messageKey, Object... arguments) {
        return KcJsonErrors.error(session, access.caller(), status, code, messageKey, arguments);
    }
}
