package vn.vneid.sso.activation;

import java.util.List;

import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticator;
import org.keycloak.authentication.authenticators.conditional.ConditionalAuthenticatorFactory;

public final class ActivationConditionAuthenticatorFactory extends ActivationAuthenticatorFactory
        implements ConditionalAuthenticatorFactory {

    public static final String PROVIDER_ID = "vneid-activation-condition";

    public ActivationConditionAuthenticatorFactory() {
        super(PROVIDER_ID, "VNeID activation: condition", "vneidActivationConditionHelp", List.of());
    }

    @Override
    public String getReferenceCategory() {
        return ConditionalAuthenticatorFactory.REFERENCE_CATEGORY;
    }

    @Override
    public ConditionalAuthenticator getSingleton() {
        return ActivationConditionAuthenticator.SINGLETON;
    }
}
