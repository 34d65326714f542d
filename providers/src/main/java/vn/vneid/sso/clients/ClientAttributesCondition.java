package vn.vneid.sso.clients;

import java.util.List;
import java.util.Map;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.utils.MapperTypeSerializer;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.ClientPolicyVote;
import org.keycloak.services.clientpolicy.context.ClientCRUDContext;

/**
 * Keycloak's {@code client-attributes} condition, voting also when a client is registered or updated. Keycloak's own
 * does not vote there, so the two policies split by {@code vneid.government} both applied to a government client
 * edited in the admin console, and the third-party profile's {@code consent-required} switched its consent screen
 * on. Here registration and update are judged by the attributes the client will have.
 */
final class ClientAttributesCondition extends org.keycloak.services.clientpolicy.condition.ClientAttributesCondition {

    ClientAttributesCondition(KeycloakSession session) {
        super(session);
    }

    @Override
    public String getProviderId() {
        return ClientAttributesConditionFactory.ID;
    }

    @Override
    public ClientPolicyVote applyPolicy(ClientPolicyContext context) throws ClientPolicyException {
        boolean crud = context.getEvent() == ClientPolicyEvent.REGISTER || context.getEvent() == ClientPolicyEvent.UPDATE;
        if (crud && context instanceof ClientCRUDContext change && change.getProposedClientRepresentation() != null) {
            return matches(change.getProposedClientRepresentation()) ? ClientPolicyVote.YES : ClientPolicyVote.NO;
        }
        return super.applyPolicy(context);
    }

    /** Every configured attribute has its one value on the client, as Keycloak's condition decides. */
    private boolean matches(ClientRepresentation client) {
        if (configuration == null || configuration.getAttributes() == null) {
            return false;
        }
        Map<String, List<String>> wanted = MapperTypeSerializer.deserialize(configuration.getAttributes());
        Map<String, String> actual = client.getAttributes() == null ? Map.of() : client.getAttributes();
        return wanted.entrySet().stream().allMatch(entry -> entry.getKey() != null
                && entry.getValue() != null && entry.getValue().size() == 1
                && entry.getValue().get(0).equals(actual.get(entry.getKey())));
    }
}
