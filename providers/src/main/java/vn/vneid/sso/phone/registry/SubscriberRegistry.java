package vn.vneid.sso.phone.registry;

import java.util.Optional;

import org.keycloak.provider.Provider;

import vn.vneid.sso.phone.PhoneNumber;

/** The telecom subscriber registry: who a mobile number is registered to. */
public interface SubscriberRegistry extends Provider {

    /**
     * @return the subscriber, or empty when the registry does not know the number
     * @throws RegistryUnavailableException when the registry cannot answer now (down, slow, circuit open)
     */
    Optional<Subscriber> lookup(PhoneNumber number) throws RegistryUnavailableException;

    @Override
    default void close() {
    }
}
