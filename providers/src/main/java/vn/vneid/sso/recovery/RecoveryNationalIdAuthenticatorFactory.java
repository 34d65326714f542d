package vn.vneid.sso.recovery;

import java.time.Clock;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;

import vn.vneid.sso.kc.RequiredStepAuthenticatorFactory;

public final class RecoveryNationalIdAuthenticatorFactory extends RequiredStepAuthenticatorFactory {

    public static final String PROVIDER_ID = "vneid-recovery-national-id";

    public RecoveryNationalIdAuthenticatorFactory() {
        super(PROVIDER_ID, "vneid-recovery",
                "VNeID recovery: national ID", "vneidRecoveryNationalIdHelp", RecoveryConfig.PROPERTIES);
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new RecoveryNationalIdAuthenticator(Clock.systemUTC());
    }
}
