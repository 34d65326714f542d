package vn.vneid.sso.approval;

import java.util.Optional;

import vn.vneid.sso.intake.EnrolmentStatus;

/**
 * Who may decide which record (issue #15). Pure: the facts are gathered by the resource. Beyond the unit (checked
 * before any record is shown) an officer never decides:
 * <ul>
 * <li>a record that is no longer pending (someone decided it already: 409, never a second account);</li>
 * <li>his own record (the same national ID);</li>
 * <li>the record of an existing account that is an officer's or an administrator's: an officer does not raise a
 * colleague's or an administrator's account to level 2 (the same line as the desk's phone reset);</li>
 * <li>for approval: a citizen whose account is already at level 2, or who has another approved record still waiting
 * for activation (one activation code at a time), whose phone is the verified phone of another account (Decree
 * 69/2024: one phone number, one account), or whose existing account an administrator disabled (activation enables
 * the account: it must not undo an administrator's decision). Rejecting stays possible in these cases.</li>
 * </ul>
 */
public final class ApprovalRules {

    public enum Refusal {
        NOT_PENDING(409, "not_pending", "approvalNotPending"),
        OWN_RECORD(403, "own_record", "approvalOwnRecord"),
        OFFICER_RECORD(403, "officer_record", "approvalOfficerRecord"),
        ALREADY_LEVEL_TWO(409, "already_level_two", "approvalAlreadyLevelTwo"),
        AWAITING_ACTIVATION(409, "awaiting_activation", "approvalAwaitingActivation"),
        PHONE_IN_USE(409, "phone_in_use", "approvalPhoneInUse"),
        ACCOUNT_DISABLED(409, "account_disabled", "approvalAccountDisabled");

        private final int status;
        private final String code;
        private final String messageKey;

        Refusal(int status, String code, String messageKey) {
            this.status = status;
            this.code = code;
            this.messageKey = messageKey;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /** What is known about the record and the citizen when an officer decides. */
    public record Facts(EnrolmentStatus status, String officerNationalId, String recordNationalId,
            boolean accountIsOfficerOrAdmin, boolean accountIsLevelTwo, boolean otherRecordAwaitingActivation,
            boolean phoneBoundToAnotherAccount, boolean accountDisabled) {
    }

    public static final int MIN_REASON = 10;
    public static final int MAX_REASON = 500;

    private ApprovalRules() {
    }

    public static Optional<Refusal> approve(Facts facts) {
        Optional<Refusal> common = common(facts);
        if (common.isPresent()) {
            return common;
        }
        if (facts.accountIsLevelTwo()) {
            return Optional.of(Refusal.ALREADY_LEVEL_TWO);
        }
        if (facts.otherRecordAwaitingActivation()) {
            return Optional.of(Refusal.AWAITING_ACTIVATION);
        }
        if (facts.phoneBoundToAnotherAccount()) {
            return Optional.of(Refusal.PHONE_IN_USE);
        }
        if (facts.accountDisabled()) {
            return Optional.of(Refusal.ACCOUNT_DISABLED);
        }
        return Optional.empty();
    }

    public static Optional<Refusal> reject(Facts facts) {
        return common(facts);
    }

    private static Optional<Refusal> common(Facts facts) {
        if (facts.recordNationalId().equals(facts.officerNationalId())) {
            return Optional.of(Refusal.OWN_RECORD);
        }
        if (facts.accountIsOfficerOrAdmin()) {
            return Optional.of(Refusal.OFFICER_RECORD);
        }
        if (facts.status() != EnrolmentStatus.PENDING_APPROVAL) {
            return Optional.of(Refusal.NOT_PENDING);
        }
        return Optional.empty();
    }

    /** The rejection's reason without surrounding spaces, or empty when missing or outside 10-500 characters. */
    public static Optional<String> reason(String raw) {
        String reason = raw == null ? "" : raw.strip();
        return reason.length() < MIN_REASON || reason.length() > MAX_REASON ? Optional.empty() : Optional.of(reason);
    }
}
