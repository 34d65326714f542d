package vn.vneid.sso.clients;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.keycloak.OAuthErrorException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.representations.idm.ClientPolicyConditionConfigurationRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyEvent;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.ClientPolicyVote;
import org.keycloak.services.clientpolicy.condition.AbstractClientPolicyConditionProvider;
import org.keycloak.services.clientpolicy.context.ClientCRUDContext;
import org.keycloak.services.clientpolicy.context.ClientModelContext;
import org.keycloak.services.clientpolicy.context.PreAuthorizationRequestContext;

/**
 * Votes on whether the client is of the configured {@link ClientKind}, at every event where a client is known:
 * before the authorization request is parsed (the client looked up by its {@code client_id}; Keycloak's
 * {@code client-access-type} abstains there, and FAPI's pushed-request rule would reach the public app), at
 * registration and update (judged by the client as it will be; Keycloak's {@code client-attributes} abstains there,
 * and the third-party profile would switch a government client's consent screen on), and at every event that
 * carries a client. Anywhere else it abstains.
 */
final class ClientKindCondition extends AbstractClientPolicyConditionProvider<ClientKindCondition.Configuration> {

    ClientKindCondition(KeycloakSession session) {
        super(session);
    }

    public static final class Configuration extends ClientPolicyConditionConfigurationRepresentation {

        @JsonProperty(ClientKindConditionFactory.KIND)
        private String kind;

        public String getKind() {
            return kind;
        }

        public void setKind(String kind) {
            this.kind = kind;
        }
    }

    @Override
    public Class<Configuration> getConditionConfigurationClass() {
        return Configuration.class;
    }

    @Override
    public String getProviderId() {
        return ClientKindConditionFactory.ID;
    }

    @Override
    public ClientPolicyVote applyPolicy(ClientPolicyContext context) throws ClientPolicyException {
        ClientKind kind = configuredKind();
        if (context.getEvent() == ClientPolicyEvent.PRE_AUTHORIZATION_REQUEST
                && context instanceof PreAuthorizationRequestContext request) {
            return vote(kind, session.getContext().getRealm().getClientByClientId(request.getClientId()));
        }
        boolean change = context.getEvent() == ClientPolicyEvent.REGISTER
                || context.getEvent() == ClientPolicyEvent.UPDATE;
        if (change && context instanceof ClientCRUDContext crud && crud.getProposedClientRepresentation() != null) {
            return vote(kind, crud.getProposedClientRepresentation(), crud.getTargetClient());
        }
        if (context instanceof ClientModelContext withClient) {
            return vote(kind, withClient.getClient());
        }
        return ClientPolicyVote.ABSTAIN;
    }

    /**
     * The client as it will be after a registration or an update: Keycloak changes only what the representation
     * carries, so a field or attribute it leaves out keeps the client's current value.
     */
    private static ClientPolicyVote vote(ClientKind kind, ClientRepresentation proposed, ClientModel current) {
        boolean publicClient = proposed.isPublicClient() != null ? proposed.isPublicClient()
                : current != null && current.isPublicClient();
        boolean bearerOnly = proposed.isBearerOnly() != null ? proposed.isBearerOnly()
                : current != null && current.isBearerOnly();
        Map<String, String> attributes = new HashMap<>(current == null ? Map.of() : current.getAttributes());
        if (proposed.getAttributes() != null) {
            proposed.getAttributes().forEach((name, value) -> {
                if (value == null) {
                    attributes.remove(name);
                } else {
                    attributes.put(name, value);
                }
            });
        }
        return kind.matches(publicClient, bearerOnly, attributes::get) ? ClientPolicyVote.YES : ClientPolicyVote.NO;
    }

    private static ClientPolicyVote vote(ClientKind kind, ClientModel client) {
        if (client == null) {
            return ClientPolicyVote.NO;
        }
        return kind.matches(client.isPublicClient(), client.isBearerOnly(), client::getAttribute)
                ? ClientPolicyVote.YES : ClientPolicyVote.NO;
    }

    /** A policy whose kind is missing or misspelt fails every request it is asked about rather than enforce nothing. */
    private ClientKind configuredKind() throws ClientPolicyException {
        Optional<ClientKind> kind = Optional.ofNullable(configuration).map(Configuration::getKind).flatMap(ClientKind::of);
        if (kind.isEmpty()) {
            throw new ClientPolicyException(OAuthErrorException.SERVER_ERROR,
                    "client policy condition " + ClientKindConditionFactory.ID + " has no valid kind");
        }
        return kind.get();
    }
}
