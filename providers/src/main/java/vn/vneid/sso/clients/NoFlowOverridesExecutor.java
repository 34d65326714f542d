package vn.vneid.sso.clients;

import java.util.Map;

import org.keycloak.OAuthErrorException;
import org.keycloak.representations.idm.ClientPolicyExecutorConfigurationRepresentation;
import org.keycloak.representations.idm.ClientRepresentation;
import org.keycloak.services.clientpolicy.ClientPolicyContext;
import org.keycloak.services.clientpolicy.ClientPolicyException;
import org.keycloak.services.clientpolicy.context.ClientCRUDContext;
import org.keycloak.services.clientpolicy.executor.ClientPolicyExecutorProvider;

/**
 * Refuses a client created or updated with authentication-flow overrides. The realm keeps Keycloak's stock flows
 * (browser, direct grant, first broker login ...), which ask a password only; an admin holding no more than
 * {@code manage-clients} could otherwise bind one of them to a client and obtain tokens without the SMS code or the
 * chip. Every client logs in through the realm's own bindings.
 */
final class NoFlowOverridesExecutor
        implements ClientPolicyExecutorProvider<ClientPolicyExecutorConfigurationRepresentation> {

    @Override
    public String getProviderId() {
        return NoFlowOverridesExecutorFactory.ID;
    }

    @Override
    public void executeOnEvent(ClientPolicyContext context) throws ClientPolicyException {
        switch (context.getEvent()) {
            case REGISTER, UPDATE -> refuseOverrides(((ClientCRUDContext) context).getProposedClientRepresentation());
            default -> {
            }
        }
    }

    static void refuseOverrides(ClientRepresentation client) throws ClientPolicyException {
        Map<String, String> overrides = client == null ? null : client.getAuthenticationFlowBindingOverrides();
        if (overrides != null && overrides.values().stream().anyMatch(flow -> flow != null && !flow.isBlank())) {
            throw new ClientPolicyException(OAuthErrorException.INVALID_CLIENT_METADATA,
                    "Authentication flow overrides are not allowed: every client logs in through the realm's flows");
        }
    }
}
