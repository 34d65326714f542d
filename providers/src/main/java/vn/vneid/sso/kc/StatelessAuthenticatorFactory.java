package vn.vneid.sso.kc;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * What our authenticator factories share: labels, the config properties built once, the requirement choices the
 * step allows, no setup by the user, and no server-wide state (the provider is built per call, it holds a session).
 */
public abstract class StatelessAuthenticatorFactory implements AuthenticatorFactory {

    private final String id;
    private final String referenceCategory;
    private final String displayType;
    private final String helpText;
    private final List<ProviderConfigProperty> config;
    private final Requirement[] requirements;

    protected StatelessAuthenticatorFactory(String id, String referenceCategory, String displayType,
            String helpText, List<ProviderConfigProperty> config, Requirement... requirements) {
        this.id = id;
        this.referenceCategory = referenceCategory;
        this.displayType = displayType;
        this.helpText = helpText;
        this.config = config;
        this.requirements = requirements.clone();
    }

    @Override
    public final String getId() {
        return id;
    }

    @Override
    public final String getDisplayType() {
        return displayType;
    }

    @Override
    public final String getHelpText() {
        return helpText;
    }

    @Override
    public final String getReferenceCategory() {
        return referenceCategory;
    }

    @Override
    public final boolean isConfigurable() {
        return !config.isEmpty();
    }

    @Override
    public final Requirement[] getRequirementChoices() {
        return requirements.clone();
    }

    @Override
    public final boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public final List<ProviderConfigProperty> getConfigProperties() {
        return config;
    }

    @Override
    public final void init(Config.Scope scope) {
    }

    @Override
    public final void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public final void close() {
    }
}
