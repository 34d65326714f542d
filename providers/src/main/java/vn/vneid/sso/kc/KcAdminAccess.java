package vn.vneid.sso.kc;

import java.io.IOException;
import java.util.Map;

import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.databind.JsonNode;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.AuthenticatedClientSessionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;
import org.keycloak.util.JsonSerialization;

/**
 * The one place that touches Keycloak's admin-API internals (the permission evaluator moved to a new package in
 * 26.2; the admin event builder is an implementation class): a Keycloak upgrade fixes this file only.
 */
public final class KcAdminAccess {

    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    public KcAdminAccess(AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    /**
     * The caller holds this realm role <em>and</em> the client the token was issued to has it in scope, as Keycloak's
     * own admin checks demand: an officer's token obtained by a relying party (no full scope) does not count.
     */
    public boolean callerHasRealmRole(RealmModel realm, String roleName) {
        return auth.adminAuth().getRealm().getId().equals(realm.getId()) && auth.adminAuth().getUser() != null
                && auth.adminAuth().hasRealmRole(roleName);
    }

    /** Keycloak's own "view realm" right (realm-admin, view-realm, or the master realm's administrators). */
    public boolean callerCanViewRealm() {
        return auth.realm().canViewRealm();
    }

    /** Keycloak's own "manage realm" right. */
    public boolean callerCanManageRealm() {
        return auth.realm().canManageRealm();
    }

    /** The level of authentication of the caller's session, from the token's acr and the realm's acr.loa.map. */
    public int callerLevelOfAuthentication(KeycloakSession session, RealmModel realm) {
        AccessToken token = auth.adminAuth().getToken();
        String acr = token == null ? null : token.getAcr();
        if (acr == null) {
            // Clients without the acr scope (the admin console) get no claim: the level Keycloak recorded for this
            // client's session is the same fact.
            return token == null ? 0 : sessionLevel(session, realm, token);
        }
        try {
            JsonNode map = JsonSerialization.mapper.readTree(realm.getAttribute(Constants.ACR_LOA_MAP));
            if (map != null && map.path(acr).canConvertToInt()) {
                return map.path(acr).asInt();
            }
        } catch (IOException | IllegalArgumentException e) {
            return 0;
        }
        // Keycloak writes the bare level when the realm maps no name to it.
        return acr.matches("[0-9]") ? Integer.parseInt(acr) : 0;
    }

    private int sessionLevel(KeycloakSession session, RealmModel realm, AccessToken token) {
        UserSessionModel userSession = token.getSessionId() == null ? null
                : session.sessions().getUserSession(realm, token.getSessionId());
        ClientModel client = auth.adminAuth().getClient();
        if (userSession == null || client == null) {
            return 0;
        }
        AuthenticatedClientSessionModel clientSession = userSession.getAuthenticatedClientSessionByClient(
                client.getId());
        String level = clientSession == null ? null : clientSession.getNote(Constants.LEVEL_OF_AUTHENTICATION);
        try {
            return level == null ? 0 : Integer.parseInt(level);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public UserModel caller() {
        return auth.adminAuth().getUser();
    }

    public String callerUsername() {
        UserModel caller = auth.adminAuth().getUser();
        return caller == null ? "" : caller.getUsername();
    }

    /** Holds any role of the realm's management client: a realm administrator, not a citizen an officer serves. */
    public static boolean isAdministrator(RealmModel realm, UserModel user) {
        ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        return management != null && management.getRolesStream().anyMatch(user::hasRole);
    }

    /** An admin event (operation ACTION) on a resource path of ours, e.g. an officer's look-up of a citizen. */
    public void auditAction(String resourcePath, Map<String, String> representation) {
        adminEvent.operation(OperationType.ACTION).resource(ResourceType.USER).resourcePath(resourcePath)
                .representation(representation).success();
    }

    /** An admin event (UPDATE of the user) carrying what was done and why; the console lists it. */
    public void auditUserUpdate(UriInfo uriInfo, Map<String, String> representation) {
        adminEvent.operation(OperationType.UPDATE).resource(ResourceType.USER).resourcePath(uriInfo)
                .representation(representation).success();
    }
}
