package vn.vneid.sso.audit;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/** The {@code vneid-log} event listener, chosen by the realm instead of Keycloak's {@code jboss-logging}. */
public final class AuditLogEventListenerProviderFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "vneid-log";
    private static final AuditLogEventListenerProvider INSTANCE = new AuditLogEventListenerProvider();

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return INSTANCE;
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
