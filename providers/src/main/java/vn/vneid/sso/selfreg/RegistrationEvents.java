package vn.vneid.sso.selfreg;

import vn.vneid.sso.kc.FlowStepEvents;

/**
 * One event per registration step (issue #15), each a copy of the flow's REGISTER event with the detail
 * {@code vneid_registration}: {@code matched}, {@code code_verified}, {@code created}, or {@code refused} with a
 * {@code reason} (which field differed from the registry is told here, to operators, and never on the page). The
 * events carry no name, birth date, phone or code.
 */
final class RegistrationEvents {

    static final FlowStepEvents EVENTS = new FlowStepEvents("vneid_registration", "vneid_registration_refused");

    private RegistrationEvents() {
    }
}
