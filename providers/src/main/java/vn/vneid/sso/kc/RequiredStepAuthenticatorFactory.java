package vn.vneid.sso.kc;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;

/**
 * What the factories of our multi-step flows (recovery, activation, self-registration) share: each step is a
 * required part of its flow (no ALTERNATIVE: a factor that must not be optional offers only REQUIRED), none is set
 * up by the user, and none keeps server-wide state.
 */
public abstract class RequiredStepAuthenticatorFactory implements AuthenticatorFactory {

    private static final Requirement[] REQUIREMENTS = {Requirement.REQUIRED, Requirement.DISABLED};

    private final String id;
    private final String referenceCategory;
    private final String displayType;
    private final String helpText;
    private final List<ProviderConfigProperty> config;

    protected RequiredStepAuthenticatorFactory(String id, String referenceCategory, String displayType,
            String helpText, List<ProviderConfigProperty> config) {
        this.id = id;
        this.referenceCategory = referenceCategory;
        this.displayType = displayType;
        this.helpText = helpText;
        this.config = config;
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
        return REQUIREMENTS;
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
