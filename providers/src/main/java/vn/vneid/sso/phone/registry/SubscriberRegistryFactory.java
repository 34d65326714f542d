package vn.vneid.sso.phone.registry;

import org.keycloak.provider.ProviderFactory;

public interface SubscriberRegistryFactory extends ProviderFactory<SubscriberRegistry> {
}
