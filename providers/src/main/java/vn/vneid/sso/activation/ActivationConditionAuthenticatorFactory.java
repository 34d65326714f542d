package vn.vneid.sso.activation;

import java.util.List;

import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;

import vn.vneid.sso.kc.RequiredStepAuthenticatorFactory;

public final class ActivationConditionAuthenticatorFactory extends RequiredStepAuthenticatorFactory
        implements ConditionalAuthenticatorFactory {

    public static final String PROVIDER_ID = "vneid-activation-condition";

    public ActivationConditionAuthenticatorFactory() {
        super(PROVIDER_ID, ConditionalAuthenticatorFactory.REFERENCE_CATEGORY,
                "VNeID activation: condition", "vneidActivationConditionHelp", List.of());
    }

    @Override
    public ConditionalAuthenticator getSingleton() {
        return ActivationConditionAuthenticator.SINGLETON;
    }
}
