package vn.vneid.sso.recovery;

import java.time.Clock;

import org.keycloak.authentication.Authenticator;
import org.keycloak.models.KeycloakSession;

import vn.vneid.sso.login.SmsCodeConfigProperties;

import vn.vneid.sso.kc.RequiredStepAuthenticatorFactory;

/** The recovery's SMS code step: the login's code rules, limits and gateway, as the execution's config. */
public final class RecoveryCodeAuthenticatorFactory extends RequiredStepAuthenticatorFactory {

    public static final String PROVIDER_ID = "vneid-recovery-sms-code";

    public RecoveryCodeAuthenticatorFactory() {
        super(PROVIDER_ID, "vneid-recovery",
                "VNeID recovery: SMS code", "vneidRecoverySmsCodeHelp", SmsCodeConfigProperties.ALL);
    }

    @Override
    public Authenticator create(KeycloakSession session) {
        return new RecoveryCodeAuthenticator(Clock.systemUTC());
    }
}
