package vn.vneid.sso.sms.outbox;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

import vn.vneid.sso.sms.SmsGateway;
import vn.vneid.sso.sms.SmsGatewayFactory;

/**
 * Development gateway: every message becomes one JSON line in a file, so a developer or a test reads the code
 * there. Path: {@code --spi-vneid-sms--outbox--path}, by default {@code data/sms-outbox.jsonl} under the server.
 */
public final class OutboxSmsGatewayFactory implements SmsGatewayFactory {

    public static final String PROVIDER_ID = "outbox";
    private static final Logger LOG = Logger.getLogger(OutboxSmsGatewayFactory.class);

    private OutboxFile outbox;

    @Override
    public void init(Config.Scope config) {
        String configured = config.get("path");
        Path path = configured != null && !configured.isBlank()
                ? Paths.get(configured)
                : Paths.get(System.getProperty("kc.home.dir", "."), "data", "sms-outbox.jsonl");
        outbox = new OutboxFile(path.toAbsolutePath().normalize());
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        LOG.infof("Development SMS outbox: messages (with their codes) are written to %s", outbox.path());
    }

    @Override
    public SmsGateway create(KeycloakSession session) {
        return outbox::append;
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
