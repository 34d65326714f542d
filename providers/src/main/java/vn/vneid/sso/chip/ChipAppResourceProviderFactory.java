package vn.vneid.sso.chip;

import java.time.Clock;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * Mounts {@link ChipAppResource} at {@code /realms/{realm}/vneid-chip}. Server options under
 * {@code --spi-realm-restapi-extension--vneid-chip--}: {@code csca-path} (the trust anchors, default
 * {@code vneid-csca} under conf/), {@code allow-test-csca} (default false: only the run script and the tests set it)
 * and {@code test-csca-path} (the simulator's test CSCA, default {@code vneid-csca-test}).
 */
public final class ChipAppResourceProviderFactory implements RealmResourceProviderFactory {

    private static final Logger LOG = Logger.getLogger(ChipAppResourceProviderFactory.class);

    public static final String PROVIDER_ID = "vneid-chip";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new ChipAppResource(session, trustStores);
            }

            @Override
            public void close() {
            }
        };
    }

    private CscaTrustStores trustStores;

    @Override
    public void init(Config.Scope config) {
        boolean allowTest = config.getBoolean("allow-test-csca", false);
        trustStores = new CscaTrustStores(CscaTrustStores.underConf(config.get("csca-path", "vneid-csca")),
                allowTest ? CscaTrustStores.underConf(config.get("test-csca-path", "vneid-csca-test")) : null,
                Clock.systemUTC());
        if (allowTest) {
            LOG.warn("Chip step-up trusts the simulator's TEST CSCA (allow-test-csca=true): development and tests only");
        }
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
