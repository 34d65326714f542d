package vn.vneid.sso.intake;

import org.keycloak.models.KeycloakSession;

import vn.vneid.sso.kc.BatchResourceProviderFactory;

/**
 * Mounts {@link RecordIntakeResource} at {@code /realms/{realm}/vneid-intake}. Server option
 * {@code --spi-realm-restapi-extension--vneid-intake--max-batch-size} (default 500 records per request).
 */
public final class RecordIntakeResourceProviderFactory extends BatchResourceProviderFactory {

    public static final String PROVIDER_ID = "vneid-intake";

    public RecordIntakeResourceProviderFactory() {
        super(PROVIDER_ID);
    }

    @Override
    protected Object resource(KeycloakSession session, int maxBatch) {
        return new RecordIntakeResource(session, maxBatch);
    }
}
