package vn.vneid.sso.chip;

import java.util.List;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;

import vn.vneid.sso.kc.RequiredStepAuthenticatorFactory;

public final class ChipStepUpAuthenticatorFactory extends RequiredStepAuthenticatorFactory {

    public static final String PROVIDER_ID = "vneid-chip-step-up";

    private static final List<ProviderConfigProperty> CONFIG = ChipStepUpConfig.PROPERTIES;

    public ChipStepUpAuthenticatorFactory() {
        super(PROVIDER_ID, "vneid-chip", "VNeID chip step-up (level 2)",
                "The app reads the CCCD chip (ICAO 9303 passive and active authentication) to reach level 2.",
                CONFIG);
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new ChipStepUpAuthenticator();
    }
}
