package vn.vneid.sso.sms.http;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import vn.vneid.sso.sms.SmsException;
import vn.vneid.sso.sms.SmsGateway;
import vn.vneid.sso.sms.SmsGatewayFactory;

/**
 * The production gateway: JSON over HTTP to the operator's SMS service. Options (all under
 * {@code --spi-vneid-sms--http--}): {@code url}, {@code authorization} (sent as the Authorization header),
 * {@code connect-timeout-ms} (2000), {@code read-timeout-ms} (5000), {@code retries} (2), {@code backoff-ms} (250).
 */
public final class HttpSmsGatewayFactory implements SmsGatewayFactory {

    public static final String PROVIDER_ID = "http";
    private static final Logger LOG = Logger.getLogger(HttpSmsGatewayFactory.class);

    private HttpSmsClient client;

    @Override
    public void init(Config.Scope config) {
        String url = config.get("url");
        if (url == null || url.isBlank()) {
            LOG.warn("SMS gateway 'http' has no url (--spi-vneid-sms--http--url): no code can be sent");
            return;
        }
        client = new HttpSmsClient(URI.create(url), config.get("authorization"),
                Duration.ofMillis(config.getLong("connect-timeout-ms", 2000L)),
                Duration.ofMillis(config.getLong("read-timeout-ms", 5000L)),
                config.getInt("retries", 2),
                Duration.ofMillis(config.getLong("backoff-ms", 250L)),
                config.getBoolean("retry-server-errors", false));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public SmsGateway create(KeycloakSession session) {
        HttpSmsClient configured = client;
        return (to, text) -> {
            if (configured == null) {
                throw new SmsException("SMS gateway 'http' has no url");
            }
            configured.send(to, text);
        };
    }

    // The http gateway is the default: a production server that forgets the setting fails closed.
    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name("url").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Gateway endpoint receiving POST {\"to\",\"text\"} as JSON").add()
                .property().name("authorization").type(ProviderConfigProperty.PASSWORD)
                .helpText("Value of the Authorization header, e.g. 'Bearer ...'").add()
                .property().name("connect-timeout-ms").type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(2000)
                .helpText("Connect timeout in milliseconds").add()
                .property().name("read-timeout-ms").type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(5000)
                .helpText("Whole-request timeout in milliseconds").add()
                .property().name("retries").type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(2)
                .helpText("Retries after a network failure, 429 or 5xx").add()
                .property().name("backoff-ms").type(ProviderConfigProperty.INTEGER_TYPE).defaultValue(250)
                .helpText("Pause before retry n is n times this, in milliseconds").add()
                .build();
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
