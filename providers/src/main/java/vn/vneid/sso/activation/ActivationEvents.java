package vn.vneid.sso.activation;

import org.keycloak.events.EventBuilder;
import org.keycloak.models.UserModel;

/**
 * One event per activation step (issue #15 part 4), a copy of the flow's RESET_PASSWORD event with the detail
 * {@code vneid_activation}: {@code code_verified}, {@code activated}, or {@code refused} with a {@code reason} (the
 * only place that says which of number, phone or code was wrong). Never the national ID, a phone or a code.
 */
final class ActivationEvents {

    static final String DETAIL = "vneid_activation";
    static final String REFUSED = "vneid_activation_refused";

    private ActivationEvents() {
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
