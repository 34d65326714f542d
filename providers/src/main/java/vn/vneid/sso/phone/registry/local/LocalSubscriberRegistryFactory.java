package vn.vneid.sso.phone.registry.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

import vn.vneid.sso.phone.registry.SubscriberRegistry;
import vn.vneid.sso.phone.registry.SubscriberRegistryFactory;
import vn.vneid.sso.phone.registry.Subscriber;

/**
 * Development and test registry: the subscriber records of a JSON file ({@code --spi-vneid-subscriber-registry--
 * local--path}, by default {@code conf/vneid-subscribers.json}), read once at start.
 */
public final class LocalSubscriberRegistryFactory implements SubscriberRegistryFactory {

    public static final String PROVIDER_ID = "local";
    private static final Logger LOG = Logger.getLogger(LocalSubscriberRegistryFactory.class);

    private Map<String, Subscriber> subscribers = Map.of();

    @Override
    public void init(Config.Scope config) {
        String configured = config.get("path");
        Path path = configured != null && !configured.isBlank()
                ? Paths.get(configured)
                : Paths.get(System.getProperty("kc.home.dir", "."), "conf", "vneid-subscribers.json");
        if (!Files.exists(path)) {
            LOG.warnf("Local subscriber registry %s does not exist: every number is unknown", path);
            return;
        }
        try {
            subscribers = SubscriberFile.read(path);
            LOG.infof("Local subscriber registry: %d numbers from %s", subscribers.size(), path);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("unreadable subscriber registry file " + path, e);
        }
    }

    @Override
    public SubscriberRegistry create(KeycloakSession session) {
        Map<String, Subscriber> all = subscribers;
        return number -> Optional.ofNullable(all.get(number.e164()));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
