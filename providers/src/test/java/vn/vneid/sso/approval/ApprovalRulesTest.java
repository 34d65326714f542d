package vn.vneid.sso.approval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.vneid.sso.approval.ApprovalRules.Facts;
import vn.vneid.sso.approval.ApprovalRules.Refusal;
import vn.vneid.sso.intake.EnrolmentStatus;

class ApprovalRulesTest {

    static final String OFFICER = "040085009999";
    static final String CITIZEN = "001090000123";

    static Facts pending() {
        return new Facts(EnrolmentStatus.PENDING_APPROVAL, OFFICER, CITIZEN, false, false, false, false, false);
    }

    @Test
    void aPendingRecordOfAnotherCitizenMayBeDecided() {
        assertThat(ApprovalRules.approve(pending())).isEmpty();
        assertThat(ApprovalRules.reject(pending())).isEmpty();
    }

    @Test
    void neverTheOfficersOwnRecordNorAnOfficersOrAdministrators() {
        Facts own = new Facts(EnrolmentStatus.PENDING_APPROVAL, OFFICER, OFFICER, false, false, false, false, false);
        assertThat(ApprovalRules.approve(own)).contains(Refusal.OWN_RECORD);
        assertThat(ApprovalRules.reject(own)).contains(Refusal.OWN_RECORD);
        Facts colleague = new Facts(EnrolmentStatus.PENDING_APPROVAL,
                OFFICER, CITIZEN, true, false, false, false, false);
        assertThat(ApprovalRules.approve(colleague)).contains(Refusal.OFFICER_RECORD);
        assertThat(ApprovalRules.reject(colleague)).contains(Refusal.OFFICER_RECORD);
    }

    @Test
    void aRecordDecidedAlreadyIsAConflict() {
        for (EnrolmentStatus status : new EnrolmentStatus[] {EnrolmentStatus.RECEIVED, EnrolmentStatus.APPROVED,
                EnrolmentStatus.REJECTED, EnrolmentStatus.ACTIVATED}) {
            Facts facts = new Facts(status, OFFICER, CITIZEN, false, false, false, false, false);
            assertThat(ApprovalRules.approve(facts)).as(status.name()).contains(Refusal.NOT_PENDING);
            assertThat(ApprovalRules.reject(facts)).as(status.name()).contains(Refusal.NOT_PENDING);
            assertThat(Refusal.NOT_PENDING.status()).isEqualTo(409);
        }
    }

    @Test
    void approvalOnlyRulesStillAllowARejection() {
        Facts levelTwo = new Facts(EnrolmentStatus.PENDING_APPROVAL,
                OFFICER, CITIZEN, false, true, false, false, false);
        Facts waiting = new Facts(EnrolmentStatus.PENDING_APPROVAL, OFFICER, CITIZEN, false, false, true, false, false);
        Facts phone = new Facts(EnrolmentStatus.PENDING_APPROVAL, OFFICER, CITIZEN, false, false, false, true, false);
        assertThat(ApprovalRules.approve(levelTwo)).contains(Refusal.ALREADY_LEVEL_TWO);
        assertThat(ApprovalRules.approve(waiting)).contains(Refusal.AWAITING_ACTIVATION);
        assertThat(ApprovalRules.approve(phone)).contains(Refusal.PHONE_IN_USE);
        assertThat(ApprovalRules.reject(levelTwo)).isEmpty();
        assertThat(ApprovalRules.reject(waiting)).isEmpty();
        assertThat(ApprovalRules.reject(phone)).isEmpty();
        Facts disabled = new Facts(EnrolmentStatus.PENDING_APPROVAL, OFFICER, CITIZEN, false, false, false, false,
                true);
        assertThat(ApprovalRules.approve(disabled)).contains(Refusal.ACCOUNT_DISABLED);
        assertThat(ApprovalRules.reject(disabled)).isEmpty();
    }

    @Test
    void aReasonHasTenToFiveHundredCharacters() {
        assertThat(ApprovalRules.reason(null)).isEmpty();
        assertThat(ApprovalRules.reason("   ảnh mờ   ")).isEmpty();
        assertThat(ApprovalRules.reason("  Ảnh chân dung bị mờ  ")).contains("Ảnh chân dung bị mờ");
        assertThat(ApprovalRules.reason("x".repeat(500))).isPresent();
        assertThat(ApprovalRules.reason("x".repeat(501))).isEmpty();
    }
}
