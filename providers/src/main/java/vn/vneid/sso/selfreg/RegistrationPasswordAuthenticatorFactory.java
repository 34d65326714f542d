package vn.vneid.sso.selfreg;

import java.util.List;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;

import vn.vneid.sso.kc.RequiredStepAuthenticatorFactory;

public final class RegistrationPasswordAuthenticatorFactory extends RequiredStepAuthenticatorFactory {

    public static final String PROVIDER_ID = "vneid-register-password";

    public RegistrationPasswordAuthenticatorFactory() {
        super(PROVIDER_ID, "vneid-registration",
                "VNeID registration: password and account", "vneidRegisterPasswordHelp", List.of());
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new RegistrationPasswordAuthenticator();
    }
}
