package vn.vneid.sso.selfreg;

import org.keycloak.events.EventBuilder;
import org.keycloak.models.UserModel;

/**
 * One event per registration step (issue #15), each a copy of the flow's REGISTER event with the detail
 * {@code vneid_registration}: {@code matched}, {@code code_verified}, {@code created}, or {@code refused} with a
 * {@code reason} (which field differed from the registry is told here, to operators, and never on the page). The
 * events carry no name, birth date, phone or code.
 */
final class RegistrationEvents {

    static final String DETAIL = "vneid_registration";
    static final String REFUSED = "vneid_registration_refused";

    private RegistrationEvents() {
    }

    static void step(EventBuilder flowEvent, UserModel user, String step) {
        EventBuilder event = flowEvent.clone().detail(DETAIL, step);
        if (user != null) {
            event.user(user);
        }
        event.success();
    }

    static void refused(EventBuilder flowEvent, String reason) {
        flowEvent.clone().detail(DETAIL, "refused").detail("reason", reason).error(REFUSED);
    }
}
