package vn.vneid.sso.phone.officer;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.util.JsonSerialization;

import vn.vneid.sso.kc.KcAdminAccess;
import vn.vneid.sso.profile.CitizenProfile;

/**
 * {@code POST /admin/realms/{realm}/vneid-officer/users/{id}/phone-reset} with {@code {"reason": "..."}}: an officer
 * at a one-stop desk, with the citizen and the chip ID card in front of them, clears a phone the citizen can no
 * longer use. The citizen binds a new number at the next sign-in (registry check and code, as always). Needs the
 * realm role {@code vneid-officer} and the right to manage the user; the reason is required and lands, with the
 * officer, in the realm's admin events.
 */
public final class OfficerPhoneResetResource {

    static final String OFFICER_ROLE = "vneid-officer";
    static final int MIN_REASON_LENGTH = 10;
    static final int MAX_REASON_LENGTH = 500;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final KcAdminAccess access;

    OfficerPhoneResetResource(KeycloakSession session, RealmModel realm, KcAdminAccess access) {
        this.session = session;
        this.realm = realm;
        this.access = access;
    }

    @POST
    @Path("users/{id}/phone-reset")
    @Produces(MediaType.APPLICATION_JSON)
    public Response reset(@PathParam("id") String userId, InputStream body, @Context UriInfo uriInfo) {
        if (!access.callerHasRealmRole(realm, OFFICER_ROLE)) {
            return error(403, "not_an_officer", "Only one-stop desk officers (role vneid-officer) reset phones");
        }
        UserModel user = session.users().getUserById(realm, userId);
        if (user == null) {
            return error(404, "unknown_user", "No such citizen");
        }
        if (!access.canManage(user)) {
            return error(403, "forbidden", "The officer may not manage this citizen");
        }
        String reason;
        try {
            JsonNode json = JsonSerialization.mapper.readTree(body.readNBytes(16 * 1024));
            reason = json == null || !json.path("reason").isTextual() ? "" : json.path("reason").asText().strip();
        } catch (IOException e) {
            return error(400, "malformed", "The body must be JSON: {\"reason\": \"...\"}");
        }
        if (reason.length() < MIN_REASON_LENGTH || reason.length() > MAX_REASON_LENGTH) {
            return error(400, "reason_required",
                    "A reason of " + MIN_REASON_LENGTH + " to " + MAX_REASON_LENGTH + " characters is required");
        }
        user.setSingleAttribute(CitizenProfile.PHONE_VERIFIED, "false");
        user.addRequiredAction(CitizenProfile.VERIFY_PHONE_ACTION);

        Map<String, String> audit = new LinkedHashMap<>();
        audit.put("action", "vneid-phone-reset");
        audit.put("officer", access.callerUsername());
        audit.put("reason", reason);
        access.auditUserUpdate(uriInfo, audit);
        return Response.ok(Map.of("status", "reset")).build();
    }

    private static Response error(int status, String code, String description) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("error_description", description);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
