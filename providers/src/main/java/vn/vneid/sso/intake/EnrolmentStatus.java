package vn.vneid.sso.intake;

/**
 * Where a record stands (issue #15). Intake writes RECEIVED, and PENDING_APPROVAL for a level-2 record (it waits for an
 * officer); approval writes APPROVED (the account is ready and waits for activation) or REJECTED (with a reason);
 * activation writes ACTIVATED (the citizen activated the account).
 */
public enum EnrolmentStatus {
    RECEIVED, PENDING_APPROVAL, APPROVED, REJECTED, ACTIVATED;

    /** The status a new record starts in: level-2 records go straight into the officers' queue. */
    public static EnrolmentStatus initial(int requestedLevel) {
        return requestedLevel == 2 ? PENDING_APPROVAL : RECEIVED;
    }
}
