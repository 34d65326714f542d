package vn.vneid.sso.kc;

import org.keycloak.events.EventBuilder;
import org.keycloak.models.UserModel;

/**
 * The events of a multi-step flow (activation, recovery, registration): one event per step, a copy of the flow's own
 * event (so it keeps the client, address and session) with {@code detail} set to the step, or to {@code refused} with
 * a {@code reason} and the error {@code refusedError}. Callers never put a national ID, phone or code in a reason.
 *
 * @param detail the event detail naming the step, e.g. {@code vneid_recovery}
 * @param refusedError the event error of a refusal, e.g. {@code vneid_recovery_refused}
 */
public record FlowStepEvents(String detail, String refusedError) {

    /** @param user the account the step concerns, or null when there is none (yet) */
    public void step(EventBuilder flowEvent, UserModel user, String step) {
        EventBuilder event = flowEvent.clone().detail(detail, step);
        if (user != null) {
            event.user(user);
        }
        event.success();
    }

    /** @param user the account the refusal concerns, or null when there is none or it must not be told */
    public void refused(EventBuilder flowEvent, UserModel user, String reason) {
        EventBuilder event = flowEvent.clone().detail(detail, "refused").detail("reason", reason);
        if (user != null) {
            event.user(user);
        }
        event.error(refusedError);
    }
}
