package vn.vneid.sso.clients;

import java.security.SecureRandom;
import java.util.Base64;

import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;

/**
 * Gives every pairwise-subject mapper a secret salt. Keycloak draws one only when a mapper is added through the
 * admin API's mapper endpoint; a mapper from a realm import (or inside a client's JSON) keeps what it was given, and
 * with none every token of the client fails with a 500, while an unresolved import placeholder would be a salt
 * anyone can read in our repository, letting a service that knows the account's id compute another sector's subject.
 * Runs at startup, after the realm import.
 */
final class PairwiseSalts {

    static final String MAPPER = "oidc-sha256-pairwise-sub-mapper";
    static final String SALT = "pairwiseSubAlgorithmSalt";
    private static final Logger LOG = Logger.getLogger(PairwiseSalts.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private PairwiseSalts() {
    }

    /** A salt is usable when it is there and is not an import placeholder left unresolved. */
    static boolean usable(String salt) {
        return salt != null && !salt.isBlank() && !(salt.startsWith("${") && salt.endsWith("}"));
    }

    static String draw() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static void drawMissing(KeycloakSession session) {
        session.realms().getRealmsStream().forEach(realm -> realm.getClientsStream().forEach(client -> client
                .getProtocolMappersStream()
                .filter(mapper -> MAPPER.equals(mapper.getProtocolMapper()))
                .filter(mapper -> !usable(mapper.getConfig().get(SALT)))
                .toList()
                .forEach(mapper -> draw(realm, client, mapper))));
    }

    private static void draw(RealmModel realm, ClientModel client, ProtocolMapperModel mapper) {
        mapper.getConfig().put(SALT, draw());
        client.updateProtocolMapper(mapper);
        LOG.warnf("Pairwise subject mapper '%s' of client %s in realm %s had no secret salt: drew one. Its subjects "
                + "stay stable from now on.", mapper.getName(), client.getClientId(), realm.getName());
    }
}
