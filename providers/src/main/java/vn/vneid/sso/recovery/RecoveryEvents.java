package vn.vneid.sso.recovery;

import vn.vneid.sso.kc.FlowStepEvents;

/**
 * One event per recovery step (issue #17), each a copy of the flow's RESET_PASSWORD event with the detail
 * {@code vneid_recovery}: {@code requested}, {@code code_verified}, {@code chip_verified}, {@code changed}, or
 * {@code refused} with a {@code reason}. The reasons never carry the national ID, a phone or a code.
 */
final class RecoveryEvents {

    static final FlowStepEvents EVENTS = new FlowStepEvents("vneid_recovery", "vneid_recovery_refused");

    private RecoveryEvents() {
    }
}
