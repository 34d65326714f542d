package vn.vneid.sso.card;

import org.keycloak.models.KeycloakSession;

import vn.vneid.sso.kc.BatchResourceProviderFactory;

/**
 * Mounts {@link CardStatusResource} at {@code /realms/{realm}/vneid-card-status}. Server option
 * {@code --spi-realm-restapi-extension--vneid-card-status--max-batch-size} (default 500 events per request).
 */
public final class CardStatusResourceProviderFactory extends BatchResourceProviderFactory {

    public static final String PROVIDER_ID = "vneid-card-status";

    public CardStatusResourceProviderFactory() {
        super(PROVIDER_ID);
    }

    @Override
    protected Object resource(KeycloakSession session, int maxBatch) {
        return new CardStatusResource(session, maxBatch);
    }
}
