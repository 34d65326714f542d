package vn.vneid.sso.clients;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.clientpolicy.condition.AbstractClientPolicyConditionProviderFactory;
import org.keycloak.services.clientpolicy.condition.ClientPolicyConditionProvider;

/**
 * Registers {@link ClientKindCondition} as {@code vneid-client-kind}. As the clients feature's one factory that lives
 * for the server's whole life, it also runs the startup check of {@link PairwiseSalts} once the realm import is done.
 */
public final class ClientKindConditionFactory extends AbstractClientPolicyConditionProviderFactory {

    static final String ID = "vneid-client-kind";
    static final String KIND = "kind";

    private static final List<ProviderConfigProperty> CONFIG = new ArrayList<>();

    static {
        addCommonConfigProperties(CONFIG);
        ProviderConfigProperty kind = new ProviderConfigProperty(KIND, "Kind of client",
                "government: confidential and vneid.government=true; third-party: any other confidential client; "
                        + "native-app: public and vneid.native-app=true",
                ProviderConfigProperty.LIST_TYPE, ClientKind.GOVERNMENT.value());
        kind.setOptions(Arrays.stream(ClientKind.values()).map(ClientKind::value).toList());
        CONFIG.add(kind);
    }

    @Override
    public ClientPolicyConditionProvider create(KeycloakSession session) {
        return new ClientKindCondition(session);
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
        return "The kind of client (government service, third party, native app), judged at every event that names a "
                + "client, including before the authorization request is parsed and at registration and update";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return CONFIG;
    }
}
