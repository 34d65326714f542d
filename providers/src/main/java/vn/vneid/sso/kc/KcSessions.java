package vn.vneid.sso.kc;

import java.util.List;

import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.services.managers.AuthenticationManager;

/**
 * The one place that ends a user's sessions through Keycloak's internals (AuthenticationManager is a services class,
 * not SPI): what an administrator's "sign out" does, the clients' back-channel logout included.
 */
public final class KcSessions {

    private KcSessions() {
    }

    /**
     * Ends every session of the user, online and offline, and revokes every token issued before now (not-before), so
     * that a refresh token held by whoever knew the old password stops working too.
     *
     * @return how many sessions were ended
     */
    public static int endAll(KeycloakSession session, RealmModel realm, UserModel user) {
        List<UserSessionModel> sessions = session.sessions().getUserSessionsStream(realm, user).toList();
        sessions.forEach(userSession -> AuthenticationManager.backchannelLogout(session, userSession, true));
        List<UserSessionModel> offline = session.sessions().getOfflineUserSessionsStream(realm, user).toList();
        offline.forEach(userSession -> session.sessions().removeOfflineUserSession(realm, userSession));
        session.users().setNotBeforeForUser(realm, user, Time.currentTime());
        return sessions.size() + offline.size();
    }
}
