package vn.vneid.sso.population;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The national population database, chosen with {@code --spi-vneid-population-registry--provider-default=local|http};
 * {@code http} is the default, so that a production server never trusts a local file by omission (as the subscriber
 * registry, issue #11).
 */
public final class PopulationRegistrySpi implements Spi {

    public static final String NAME = "vneid-population-registry";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return PopulationRegistry.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return PopulationRegistryFactory.class;
    }
}
