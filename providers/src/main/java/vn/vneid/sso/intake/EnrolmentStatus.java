package vn.vneid.sso.intake;

/** Where a record stands (issue #15). Intake writes RECEIVED; approval (part 3) and activation (part 4) the rest. */
public enum EnrolmentStatus {
    RECEIVED, PENDING_APPROVAL, APPROVED, REJECTED, ACTIVATED
}
