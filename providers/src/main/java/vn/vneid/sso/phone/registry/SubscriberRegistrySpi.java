package vn.vneid.sso.phone.registry;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The telecom subscriber registry, chosen with {@code --spi-vneid-subscriber-registry--provider-default=local|http};
 * {@code http} is the default, so that a production server never trusts a local file by omission.
 */
public final class SubscriberRegistrySpi implements Spi {

    public static final String NAME = "vneid-subscriber-registry";

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
        return SubscriberRegistry.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return SubscriberRegistryFactory.class;
    }
}
