package vn.vneid.sso.population;

import org.keycloak.provider.ProviderFactory;

public interface PopulationRegistryFactory extends ProviderFactory<PopulationRegistry> {
}
