package vn.vneid.sso.selfreg;

import java.time.Clock;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;

import vn.vneid.sso.login.SmsCodeConfigProperties;

import vn.vneid.sso.kc.RequiredStepAuthenticatorFactory;

public final class RegistrationCodeAuthenticatorFactory extends RequiredStepAuthenticatorFactory {

    public static final String PROVIDER_ID = "vneid-register-sms-code";

    public RegistrationCodeAuthenticatorFactory() {
        super(PROVIDER_ID, "vneid-registration",
                "VNeID registration: SMS code", "vneidRegisterCodeHelp", SmsCodeConfigProperties.ALL);
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new RegistrationCodeAuthenticator(Clock.systemUTC());
    }
}
