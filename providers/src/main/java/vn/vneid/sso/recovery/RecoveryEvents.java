package vn.vneid.sso.recovery;

import org.keycloak.events.EventBuilder;
import org.keycloak.models.UserModel;

/**
 * One event per recovery step (issue #17), each a copy of the flow's RESET_PASSWORD event with the detail
 * {@code vneid_recovery}: {@code requested}, {@code code_verified}, {@code chip_verified}, {@code changed}, or
 * {@code refused} with a {@code reason}. The reasons never carry the national ID, a phone or a code.
 */
final class RecoveryEvents {

    static final String DETAIL = "vneid_recovery";
    static final String REFUSED = "vneid_recovery_refused";

    private RecoveryEvents() {
    }

    static void step(EventBuilder flowEvent, UserModel user, String step) {
        EventBuilder event = flowEvent.clone().detail(DETAIL, step);
        if (user != null) {
            event.user(user);
        }
        event.success();
    }

    static void refused(EventBuilder flowEvent, UserModel user, String reason) {
        EventBuilder event = flowEvent.clone().detail(DETAIL, "refused").detail("reason", reason);
        if (user != null) {
            event.user(user);
        }
        event.error(REFUSED);
    }
}
