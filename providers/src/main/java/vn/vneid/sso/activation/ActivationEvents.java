package vn.vneid.sso.activation;

import vn.vneid.sso.kc.FlowStepEvents;

/**
 * One event per activation step (issue #15 part 4), a copy of the flow's RESET_PASSWORD event with the detail
 * {@code vneid_activation}: {@code code_verified}, {@code activated}, or {@code refused} with a {@code reason} (the
 * only place that says which of number, phone or code was wrong). Never the national ID, a phone or a code.
 */
final class ActivationEvents {

    static final FlowStepEvents EVENTS = new FlowStepEvents("vneid_activation", "vneid_activation_refused");

    private ActivationEvents() {
    }
}
