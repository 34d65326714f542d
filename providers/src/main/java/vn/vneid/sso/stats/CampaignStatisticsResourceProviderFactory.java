package vn.vneid.sso.stats;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import vn.vneid.sso.kc.KcAdminAccess;

/** Mounts {@link CampaignStatisticsResource} at {@code /admin/realms/{realm}/vneid-stats}; options in {@link StatsConfig}. */
public final class CampaignStatisticsResourceProviderFactory implements AdminRealmResourceProviderFactory {

    public static final String PROVIDER_ID = "vneid-stats";

    private StatsConfig config = new StatsConfig(StatsConfig.DEFAULT_MAX_IMPORT_ROWS, false);

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new AdminRealmResourceProvider() {
            @Override
            public Object getResource(KeycloakSession s, RealmModel realm, AdminPermissionEvaluator auth,
                    AdminEventBuilder adminEvent) {
                return new CampaignStatisticsResource(s, realm, new KcAdminAccess(auth, adminEvent), config);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope scope) {
        config = new StatsConfig(Math.max(1, scope.getInt("max-import-rows", StatsConfig.DEFAULT_MAX_IMPORT_ROWS)),
                scope.getBoolean("demo-data", false));
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
