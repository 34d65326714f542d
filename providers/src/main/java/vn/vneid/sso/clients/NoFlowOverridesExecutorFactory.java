package vn.vneid.sso.clients;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProviderFactory;

/** Registers {@link NoFlowOverridesExecutor} as {@code vneid-no-flow-overrides}; it has no configuration. */
public final class NoFlowOverridesExecutorFactory implements ClientPolicyExecutorProviderFactory {

    static final String ID = "vneid-no-flow-overrides";

    @Override
    public NoFlowOverridesExecutor create(KeycloakSession session) {
        return new NoFlowOverridesExecutor();
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
        return ID;
    }

    @Override
    public String getHelpText() {
        return "Refuses clients created or updated with authentication flow overrides (browser, direct grant): every "
                + "client logs in through the realm's own flows";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return List.of();
    }
}
