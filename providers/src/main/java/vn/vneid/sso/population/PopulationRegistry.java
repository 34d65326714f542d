package vn.vneid.sso.population;

import java.util.Optional;

import org.keycloak.provider.Provider;

import vn.vneid.sso.identity.NationalIdNumber;

/** The national population database, asked by national number. */
public interface PopulationRegistry extends Provider {

    /**
     * @return the person, or empty when the registry has no one with this number
     * @throws PopulationRegistryUnavailableException when the registry cannot answer now (down, slow, circuit open)
     */
    Optional<Person> lookup(NationalIdNumber number) throws PopulationRegistryUnavailableException;

    @Override
    default void close() {
    }
}
