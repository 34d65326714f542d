package vn.vneid.sso.kc;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * What the factories of our batch intake endpoints share (card status, desk records): the id is the path under
 * {@code /realms/{realm}/}, and the server option {@code --spi-realm-restapi-extension--<id>--max-batch-size}
 * (default 500, at least 1) bounds the items of one request, and with it the body size.
 */
public abstract class BatchResourceProviderFactory implements RealmResourceProviderFactory {

    public static final int DEFAULT_MAX_BATCH = 500;

    private final String id;
    private int maxBatch = DEFAULT_MAX_BATCH;

    protected BatchResourceProviderFactory(String id) {
        this.id = id;
    }

    /** The JAX-RS resource of one request. */
    protected abstract Object resource(KeycloakSession session, int maxBatch);

    @Override
    public final RealmResourceProvider create(KeycloakSession session) {
        int limit = maxBatch;
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return resource(session, limit);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public final void init(Config.Scope config) {
        maxBatch = Math.max(1, config.getInt("max-batch-size", DEFAULT_MAX_BATCH));
    }

    @Override
    public final void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public final void close() {
    }

    @Override
    public final String getId() {
        return id;
    }
}
