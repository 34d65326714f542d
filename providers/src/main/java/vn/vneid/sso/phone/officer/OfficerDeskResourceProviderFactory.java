package vn.vneid.sso.phone.officer;

import java.time.Clock;

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
    /** Look-ups per officer per day: {@code --spi-admin-realm-restapi-extension--vneid-officer--lookups-per-day}. */
    static final int DEFAULT_LOOKUPS_PER_DAY = 300;

    private int lookupsPerDay = DEFAULT_LOOKUPS_PER_DAY;

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new AdminRealmResourceProvider() {
            @Override
            public Object getResource(KeycloakSession s, RealmModel realm, AdminPermissionEvaluator auth,
                    AdminEventBuilder adminEvent) {
                return new OfficerDeskResource(s, realm, new KcAdminAccess(auth, adminEvent), lookupsPerDay,
                        Clock.systemUTC());
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
        lookupsPerDay = Math.max(1, config.getInt("lookups-per-day", DEFAULT_LOOKUPS_PER_DAY));
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
