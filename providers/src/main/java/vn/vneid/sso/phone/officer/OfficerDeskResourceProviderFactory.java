package vn.vneid.sso.phone.officer;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import vn.vneid.sso.kc.KcAdminAccess;

/** Mounts {@link OfficerDeskResource} under the admin API: {@code /admin/realms/{realm}/vneid-officer}. */
public final class OfficerDeskResourceProviderFactory implements AdminRealmResourceProviderFactory {

    public static final String PROVIDER_ID = "vneid-officer";

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new AdminRealmResourceProvider() {
            @Override
            public Object getResource(KeycloakSession s, RealmModel realm, AdminPermissionEvaluator auth,
                    AdminEventBuilder adminEvent) {
                return new OfficerDeskResource(s, realm, new KcAdminAccess(auth, adminEvent));
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
