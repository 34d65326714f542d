package vn.vneid.sso.audit;

import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;

/**
 * Writes the realm's events to the server log the way operators need them, without the personal data Keycloak's own
 * {@code jboss-logging} listener prints: that one logs every failed login with the typed username, which here is the
 * citizen's national ID (issue #11). This one names the account by its internal id only and keeps a short list of
 * details that carry no personal data; the full event, national ID included, stays in the event store for admins.
 */
final class AuditLogEventListenerProvider implements EventListenerProvider {

    private static final Logger LOG = Logger.getLogger("vn.vneid.sso.events");

    /** Details that never hold a national ID, a phone number, a name or a code. */
    static final Set<String> SAFE_DETAILS = Set.of("reason", "vneid_phone", "custom_required_action",
            "vneid_level2_method", "auth_method", "method", "response_type", "response_mode", "grant_type",
            "vneid_recovery", "vneid_sessions_ended", "credential_type", "vneid_card", "card_status");

    @Override
    public void onEvent(Event event) {
        boolean failed = event.getError() != null;
        Logger.Level level = failed ? Logger.Level.WARN : Logger.Level.DEBUG;
        if (!LOG.isEnabled(level)) {
            return;
        }
        StringBuilder line = new StringBuilder(160)
                .append("type=").append(event.getType())
                .append(", realmId=").append(event.getRealmId())
                .append(", clientId=").append(event.getClientId())
                .append(", userId=").append(event.getUserId())
                .append(", ipAddress=").append(event.getIpAddress());
        if (failed) {
            line.append(", error=").append(event.getError());
        }
        Map<String, String> details = event.getDetails();
        if (details != null) {
            details.forEach((key, value) -> {
                if (SAFE_DETAILS.contains(key)) {
                    line.append(", ").append(key).append('=').append(value);
                }
            });
        }
        LOG.log(level, line);
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        if (LOG.isDebugEnabled()) {
            LOG.debugf("admin operation=%s, resourceType=%s, realmId=%s, error=%s", event.getOperationType(),
                    event.getResourceType(), event.getRealmId(), event.getError());
        }
    }

    @Override
    public void close() {
    }
}
