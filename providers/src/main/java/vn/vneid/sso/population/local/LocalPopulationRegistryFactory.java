package vn.vneid.sso.population.local;

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

import vn.vneid.sso.population.Person;
import vn.vneid.sso.population.PopulationRegistry;
import vn.vneid.sso.population.PopulationRegistryFactory;

/**
 * Development and test registry: the people of a JSON file ({@code --spi-vneid-population-registry--local--path}, by
 * default {@code conf/vneid-population.json}), read once at start.
 */
public final class LocalPopulationRegistryFactory implements PopulationRegistryFactory {

    public static final String PROVIDER_ID = "local";
    private static final Logger LOG = Logger.getLogger(LocalPopulationRegistryFactory.class);

    private Map<String, Person> people = Map.of();

    @Override
    public void init(Config.Scope config) {
        String configured = config.get("path");
        Path path = configured != null && !configured.isBlank()
                ? Paths.get(configured)
                : Paths.get(System.getProperty("kc.home.dir", "."), "conf", "vneid-population.json");
        if (!Files.exists(path)) {
            LOG.warnf("Local population registry %s does not exist: every number is unknown", path);
            return;
        }
        try {
            people = PopulationFile.read(path);
            LOG.infof("Local population registry: %d people from %s", people.size(), path);
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("unreadable population registry file " + path, e);
        }
    }

    @Override
    public PopulationRegistry create(KeycloakSession session) {
        Map<String, Person> all = people;
        return number -> Optional.ofNullable(all.get(number.value()));
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
