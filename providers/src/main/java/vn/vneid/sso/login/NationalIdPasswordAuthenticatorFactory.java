package vn.vneid.sso.login;

import java.time.Clock;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.AuthenticationExecutionModel.Requirement;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.credential.PasswordCredentialModel;

import vn.vneid.sso.kc.StatelessAuthenticatorFactory;

public final class NationalIdPasswordAuthenticatorFactory extends StatelessAuthenticatorFactory {

    public static final String PROVIDER_ID = "vneid-national-id-password";

    public NationalIdPasswordAuthenticatorFactory() {
        super(PROVIDER_ID, PasswordCredentialModel.TYPE, "VNeID national ID and password",
                "Personal identification number (12 digits, checked before any lookup) and password.",
                LoginThrottleConfig.PROPERTIES, Requirement.REQUIRED, Requirement.ALTERNATIVE, Requirement.DISABLED);
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new NationalIdPasswordAuthenticator(Clock.systemUTC());
    }
}
