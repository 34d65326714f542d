package vn.vneid.sso.recovery;

import java.util.List;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import vn.vneid.sso.kc.RequiredStepAuthenticatorFactory;

public final class RecoveryNewPasswordAuthenticatorFactory extends RequiredStepAuthenticatorFactory {

    public static final String PROVIDER_ID = "vneid-recovery-new-password";

    private static final List<ProviderConfigProperty> CONFIG = ProviderConfigurationBuilder.create()
            .property().name(RecoveryNewPasswordAuthenticator.SMS_GATEWAY).type(ProviderConfigProperty.STRING_TYPE)
            .label("vneidSmsGateway").helpText("vneidSmsGateway.tooltip").add()
            .build();

    public RecoveryNewPasswordAuthenticatorFactory() {
        super(PROVIDER_ID, "vneid-recovery", "VNeID recovery: new password", "vneidRecoveryNewPasswordHelp", CONFIG);
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new RecoveryNewPasswordAuthenticator();
    }
}
