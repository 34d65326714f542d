package vn.vneid.sso.clients;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.services.clientpolicy.condition.ClientPolicyConditionProvider;

/**
 * Registers {@link ClientAccessTypeCondition} as {@code vneid-client-access-type}, with Keycloak's configuration.
 * As the clients feature's one factory that lives for the server's whole life, it also runs the startup check of
 * {@link PairwiseSalts} once the realm import is done.
 */
public final class ClientAccessTypeConditionFactory
        extends org.keycloak.services.clientpolicy.condition.ClientAccessTypeConditionFactory {

    static final String ID = "vneid-client-access-type";

    @Override
    public ClientPolicyConditionProvider create(KeycloakSession session) {
        return new ClientAccessTypeCondition(session);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        super.postInit(factory);
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                KeycloakModelUtils.runJobInTransaction(factory, PairwiseSalts::drawMissing);
            }
        });
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
