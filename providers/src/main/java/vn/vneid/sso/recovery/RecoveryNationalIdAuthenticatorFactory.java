package vn.vneid.sso.recovery;

import java.time.Clock;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;

public final class RecoveryNationalIdAuthenticatorFactory extends RecoveryAuthenticatorFactory {

    public static final String PROVIDER_ID = "vneid-recovery-national-id";

    public RecoveryNationalIdAuthenticatorFactory() {
        super(PROVIDER_ID, "VNeID recovery: national ID", "vneidRecoveryNationalIdHelp", RecoveryConfig.PROPERTIES);
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new RecoveryNationalIdAuthenticator(Clock.systemUTC());
    }
}
