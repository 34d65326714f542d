package vn.vneid.sso.clients;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.clientpolicy.condition.ClientPolicyConditionProvider;

/** Registers {@link ClientAttributesCondition} as {@code vneid-client-attributes}, with Keycloak's configuration. */
public final class ClientAttributesConditionFactory
        extends org.keycloak.services.clientpolicy.condition.ClientAttributesConditionFactory {

    static final String ID = "vneid-client-attributes";

    @Override
    public ClientPolicyConditionProvider create(KeycloakSession session) {
        return new ClientAttributesCondition(session);
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getHelpText() {
        return "The client's attributes, judged at every event, including registration and update "
                + "(by the attributes the client will have)";
    }
}
