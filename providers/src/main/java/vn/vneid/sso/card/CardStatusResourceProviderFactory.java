package vn.vneid.sso.card;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Mounts {@link CardStatusResource} at {@code /realms/{realm}/vneid-card-status}. Server option
 * {@code --spi-realm-restapi-extension--vneid-card-status--max-batch-size} (default 500 events per request).
 */
public final class CardStatusResourceProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "vneid-card-status";
    static final int DEFAULT_MAX_BATCH = 500;

    private int maxBatch = DEFAULT_MAX_BATCH;

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new CardStatusResource(session, maxBatch);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
        maxBatch = Math.max(1, config.getInt("max-batch-size", DEFAULT_MAX_BATCH));
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
