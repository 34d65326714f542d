package vn.vneid.sso.chip;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.authentication.Authenticator;
import org.keycloak.authentication.AuthenticatorFactory;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

public final class ChipStepUpAuthenticatorFactory implements AuthenticatorFactory {

    public static final String PROVIDER_ID = "vneid-chip-step-up";

    private static final Requirement[] REQUIREMENTS = {Requirement.REQUIRED, Requirement.DISABLED};

    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property().name(ChipStepUpConfig.TRANSACTION_TTL_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("vneidChipTransactionTtlSeconds").helpText("vneidChipTransactionTtlSeconds.tooltip")
            .defaultValue(String.valueOf(ChipStepUpConfig.DEFAULT_TTL_SECONDS)).add()
            .build();

    @Override
    public Authenticator create(KeycloakSession session) {
        return new ChipStepUpAuthenticator();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "VNeID chip step-up (level 2)";
    }

    @Override
    public String getHelpText() {
        return "The app reads the CCCD chip (ICAO 9303 passive and active authentication) to reach level 2.";
    }

    @Override
    public String getReferenceCategory() {
        return "vneid-chip";
    }

    @Override
    public boolean isConfigurable() {
        return true;
    }

    @Override
    public Requirement[] getRequirementChoices() {
        return REQUIREMENTS;
    }

    @Override
    public boolean isUserSetupAllowed() {
        return false;
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
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
}
