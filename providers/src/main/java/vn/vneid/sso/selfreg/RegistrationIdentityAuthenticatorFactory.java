package vn.vneid.sso.selfreg;

import java.time.Clock;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;

import vn.vneid.sso.kc.RequiredStepAuthenticatorFactory;

public final class RegistrationIdentityAuthenticatorFactory extends RequiredStepAuthenticatorFactory {

    public static final String PROVIDER_ID = "vneid-register-identity";

    public RegistrationIdentityAuthenticatorFactory() {
        super(PROVIDER_ID, "vneid-registration",
                "VNeID registration: identity and phone", "vneidRegisterIdentityHelp",
                RegistrationConfig.PROPERTIES);
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new RegistrationIdentityAuthenticator(Clock.systemUTC());
    }
}
