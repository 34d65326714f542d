package vn.vneid.sso.clients;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.ClientPolicyVote;
import org.keycloak.services.clientpolicy.context.ClientModelContext;
import org.keycloak.services.clientpolicy.context.PreAuthorizationRequestContext;

/**
 * Keycloak's {@code client-access-type} condition, voting at every event. Keycloak's own abstains before the
 * authorization request is parsed ({@code PRE_AUTHORIZATION_REQUEST}), so a policy that pairs it with a
 * {@code client-attributes} condition (which does vote there) would apply FAPI's pushed-request rule to a public
 * client too. Here the client is looked up by its {@code client_id} at that event, as Keycloak's attribute condition
 * does, and judged by the same rule.
 */
final class ClientAccessTypeCondition extends org.keycloak.services.clientpolicy.condition.ClientAccessTypeCondition {

    private final KeycloakSession session;

    ClientAccessTypeCondition(KeycloakSession session) {
        super(session);
        this.session = session;
    }

    @Override
    public String getProviderId() {
        return ClientAccessTypeConditionFactory.ID;
    }

    @Override
    public ClientPolicyVote applyPolicy(ClientPolicyContext context) throws ClientPolicyException {
        if (context.getEvent() == ClientPolicyEvent.PRE_AUTHORIZATION_REQUEST
                && context instanceof PreAuthorizationRequestContext request) {
            ClientModel client = session.getContext().getRealm().getClientByClientId(request.getClientId());
            if (client == null) {
                return ClientPolicyVote.NO;
            }
            return super.applyPolicy(new ClientModelContext() {
                @Override
                public ClientModel getClient() {
                    return client;
                }

                @Override
                public ClientPolicyEvent getEvent() {
                    return ClientPolicyEvent.PRE_AUTHORIZATION_REQUEST;
                }
            });
        }
        return super.applyPolicy(context);
    }
}
