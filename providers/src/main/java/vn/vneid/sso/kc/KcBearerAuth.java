package vn.vneid.sso.kc;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.managers.AppAuthManager;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * The one place that verifies a bearer token through Keycloak's internals (AppAuthManager is a services class): the
 * same check as the admin API (signature, expiry, realm, session, not-before). A Keycloak upgrade fixes this file.
 */
public final class KcBearerAuth {

    /** A verified caller: the client the token was issued to and the user it speaks for. */
    public record ServiceCaller(ClientModel client, AccessToken token, UserModel user) {

        /** The token was issued to the client for itself (client credentials), not to a person through it. */
        public boolean isServiceAccount() {
            return client.getId().equals(user.getServiceAccountClientLink());
        }

        /**
         * The caller holds the realm role and the token carries it: a role the client does not have in
         * scope does not count, as in Keycloak's own admin checks.
         */
        public boolean hasRealmRole(RealmModel realm, String roleName) {
            return realm.getRole(roleName) != null && user.hasRole(realm.getRole(roleName))
                    && token.getRealmAccess() != null && token.getRealmAccess().isUserInRole(roleName);
        }
    }

    private KcBearerAuth() {
    }

    /** @return the verified caller, or null when the request carries no valid token */
    public static ServiceCaller authenticate(KeycloakSession session, RealmModel realm) {
        AuthenticationManager.AuthResult result;
        try {
            result = new AppAuthManager.BearerTokenAuthenticator(session).setRealm(realm)
                    .setConnection(session.getContext().getConnection())
                    .setHeaders(session.getContext().getRequestHeaders()).authenticate();
        } catch (RuntimeException e) {
            // Keycloak throws NotAuthorizedException for some malformed tokens: the same "no valid token" to us.
            return null;
        }
        if (result == null || result.client() == null || result.user() == null) {
            return null;
        }
        return new ServiceCaller(result.client(), result.token(), result.user());
    }
}
