package vn.vneid.sso.kc;

import java.util.Map;

import jakarta.ws.rs.core.UriInfo;

import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

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

    /** The calling administrator holds this realm role (directly or through a group or composite). */
    public boolean callerHasRealmRole(RealmModel realm, String roleName) {
        RoleModel role = realm.getRole(roleName);
        UserModel caller = auth.adminAuth().getUser();
        return role != null && caller != null && auth.adminAuth().getRealm().getId().equals(realm.getId())
                && caller.hasRole(role);
    }

    public boolean canManage(UserModel user) {
        return auth.users().canManage(user);
    }

    public String callerUsername() {
        UserModel caller = auth.adminAuth().getUser();
        return caller == null ? "" : caller.getUsername();
    }

    /** An admin event (UPDATE of the user) carrying what was done and why; the console lists it. */
    public void auditUserUpdate(UriInfo uriInfo, Map<String, String> representation) {
        adminEvent.operation(OperationType.UPDATE).resource(ResourceType.USER).resourcePath(uriInfo)
                .representation(representation).success();
    }
}
