package vn.vneid.sso.login;

import java.time.Clock;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;

import vn.vneid.sso.kc.StatelessAuthenticatorFactory;

public final class SmsCodeAuthenticatorFactory extends StatelessAuthenticatorFactory {

    public static final String PROVIDER_ID = "vneid-sms-code";

    public SmsCodeAuthenticatorFactory() {
        super(PROVIDER_ID, "vneid-sms-code", "VNeID SMS code",
                "One-time code sent by SMS to the account's verified phone (level-1 second factor).",
                SmsCodeConfigProperties.ALL, Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED);
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new SmsCodeAuthenticator(Clock.systemUTC());
    }
}
