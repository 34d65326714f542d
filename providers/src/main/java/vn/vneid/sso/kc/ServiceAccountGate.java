package vn.vneid.sso.kc;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The door of an endpoint that an outside system calls with a token its client obtained with client credentials
 * (card status from the police system, records from one-stop desks): a valid bearer token (DPoP-bound where the client
 * requires it, as {@link KcBearerAuth} checks), issued to a service account that holds the endpoint's realm role. A
 * person's token through the same client does not pass. Each endpoint keeps its own error codes and messages.
 */
public record ServiceAccountGate(String role, String invalidTokenMessageKey, String forbiddenCode,
        String forbiddenMessageKey) {

    /** The caller let in, or the answer to send back instead (401 with a challenge, or 403). */
    public record Admission(KcBearerAuth.ServiceCaller caller, Response refusal) {

        public boolean admitted() {
            return refusal == null;
        }
    }

    public Admission admit(KeycloakSession session, RealmModel realm) {
        KcBearerAuth.ServiceCaller caller = KcBearerAuth.authenticate(session, realm);
        if (caller == null) {
            return new Admission(null, Response.fromResponse(
                    KcJsonErrors.error(session, null, 401, "invalid_token", invalidTokenMessageKey))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"" + realm.getName() + "\"").build());
        }
        if (!caller.isServiceAccount() || !caller.hasRealmRole(realm, role)) {
            return new Admission(null, KcJsonErrors.error(session, null, 403, forbiddenCode, forbiddenMessageKey));
        }
        return new Admission(caller, null);
    }
}
