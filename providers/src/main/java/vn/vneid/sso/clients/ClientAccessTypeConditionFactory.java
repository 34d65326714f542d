package vn.vneid.sso.clients;

import org.keycloak.models.KeycloakSession;
import org.keycloak.services.clientpolicy.condition.ClientPolicyConditionProvider;

/** Registers {@link ClientAccessTypeCondition} as {@code vneid-client-access-type}, with Keycloak's configuration. */
public final class ClientAccessTypeConditionFactory
        extends org.keycloak.services.clientpolicy.condition.ClientAccessTypeConditionFactory {

    static final String ID = "vneid-client-access-type";

    @Override
    public ClientPolicyConditionProvider create(KeycloakSession session) {
        return new ClientAccessTypeCondition(session);
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getHelpText() {
        return "The client's access type (confidential, public, bearer-only), judged at every event, "
                + "including before the authorization request is parsed";
    }
}
