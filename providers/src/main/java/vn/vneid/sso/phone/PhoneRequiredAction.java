package vn.vneid.sso.phone;

import java.time.Clock;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

import vn.vneid.sso.card.CardAccount;
import vn.vneid.sso.card.CardStatus;
import vn.vneid.sso.chip.ChipProof;
import vn.vneid.sso.kc.KcBruteForce;
import vn.vneid.sso.otp.SmsCodeChallenge;
import vn.vneid.sso.otp.SmsCodeNotes;
import vn.vneid.sso.otp.SmsCodeState;
import vn.vneid.sso.profile.CitizenProfile;

/**
 * Every way to a new phone number: the first binding ({@code vneid-verify-phone}) and the change ({@code
 * vneid-change-phone}) are this one action, so no entry point (kc_action, the login's re-check, an operator's
 * required action) can bind a number without the proof owed (issue #11). A first binding needs the registry and
 * a code to the new number. An account that has a verified phone first proves control, at once instead of the
 * 7-10 days through commune police: level 1 with a code to the old phone or with the chip ID card, level 2 always
 * with the chip. An account whose SIM the re-check found lost needs the chip. The old number stays verified until
 * the new one is bound: an abandoned change loses nothing.
 */
final class PhoneRequiredAction implements RequiredActionProvider {

    static final String TEMPLATE = "vneid-change-phone.ftl";
    /** Issue #15: level 2 locked by the card status; the change waits for the new card. */
    static final String CARD_LOCKED_TEMPLATE = "vneid-card-locked.ftl";
    static final String NOTE_PROVEN = "vneid.change.proven";
    private static final SmsCodeNotes NOTES = new SmsCodeNotes("vneid.change.");

    private final Clock clock;
    private final String providerId;
    private final PhoneBindingStep binding;

    /** @param boundEvent the event detail when the number is bound: "verified" or "changed" */
    PhoneRequiredAction(Clock clock, String providerId, String boundEvent) {
        this.clock = clock;
        this.providerId = providerId;
        this.binding = new PhoneBindingStep(clock, boundEvent, providerId);
    }

    /** What the account must prove before a new number is bound. */
    enum Proof {
        /** No verified phone to take over from, none lost: the registry and the code suffice. */
        NONE,
        /** A level-1 account with a working phone: a code to it, or the chip. */
        OLD_PHONE_OR_CHIP,
        /** A level-2 account, or a phone found lost at login: the chip only. */
        CHIP
    }

    static Proof proofOwed(UserModel user) {
        boolean hasPhone = CitizenProfile.verifiedPhone(user) != null;
        boolean lost = user.getFirstAttribute(CitizenProfile.PHONE_REBIND_NEEDS_CHIP) != null;
        if (!hasPhone && !lost) {
            return Proof.NONE;
        }
        return CitizenProfile.isLevelTwo(user) || !hasPhone ? Proof.CHIP : Proof.OLD_PHONE_OR_CHIP;
    }

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        if (locked(context)) {
            return;
        }
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (authSession.getAuthNote(NOTE_PROVEN) != null) {
            binding.challenge(context);
            return;
        }
        UserModel user = context.getUser();
        Proof proof = proofOwed(user);
        if (proof == Proof.NONE) {
            proven(context, "none");
            return;
        }
        if (cardLocked(context, user, proof)) {
            return;
        }
        event(context, "change_requested").success();
        context.challenge(proof == Proof.CHIP ? chip(context).newTransactionPage(context.form(), user, null)
                : choicePage(context, CitizenProfile.verifiedPhone(user), null));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        boolean proven = authSession.getAuthNote(NOTE_PROVEN) != null;
        // Cancel exists on the choice page only, before any proof; once proven, the binding step decides alone.
        if (!proven && form.containsKey("cancel")) {
            clear(authSession);
            context.cancel();
            return;
        }
        if (locked(context)) {
            return;
        }
        if (proven) {
            binding.process(context);
            return;
        }
        UserModel user = context.getUser();
        Proof proof = proofOwed(user);
        if (proof == Proof.NONE) {
            proven(context, "none");
            return;
        }
        if (cardLocked(context, user, proof)) {
            return;
        }
        ChipProof chip = chip(context);
        boolean chipOnly = proof == Proof.CHIP;
        if (form.containsKey("useChip") || form.containsKey("renew") || (chipOnly && !chip.hasTransaction())) {
            context.challenge(chip.newTransactionPage(context.form(), user, null));
            return;
        }
        if (form.containsKey("continue") && chip.hasTransaction()) {
            checkChip(context, chip, user);
            return;
        }
        if (chipOnly) {
            context.challenge(chip.currentPage(context.form(), null));
            return;
        }
        String oldPhone = CitizenProfile.verifiedPhone(user);
        if (form.containsKey("useOldPhone") || form.containsKey("resend")) {
            sendToOldPhone(context, oldPhone);
            return;
        }
        if (form.containsKey("code")) {
            checkOldPhoneCode(context, oldPhone, form.getFirst("code"));
            return;
        }
        context.challenge(choicePage(context, oldPhone, null));
    }

    /**
     * Wrong codes and failed chip reads here count for Keycloak's brute-force detection, like the login's; a locked
     * account (by them, or by guessing its password elsewhere) proves and binds nothing until the lock ends, as the
     * login accepts no code then. Without this check the counting would bound nothing.
     */
    private boolean locked(RequiredActionContext context) {
        if (!KcBruteForce.isLocked(context.getSession(), context.getRealm(), context.getUser())) {
            return false;
        }
        event(context, "refused").detail("reason", "locked").error(Errors.USER_TEMPORARILY_DISABLED);
        context.challenge(context.form().setError("vneidAccountTemporarilyLocked")
                .createErrorPage(Response.Status.FORBIDDEN));
        return true;
    }

    /**
     * Issue #15: a level-2 account whose card the police reported proves nothing with a chip until the new card is
     * bound by a level-2 step-up; the page says why and what to do.
     */
    private boolean cardLocked(RequiredActionContext context, UserModel user, Proof proof) {
        CardStatus lock = CardAccount.lockStatus(user);
        if (lock == null || proof == Proof.NONE) {
            return false;
        }
        event(context, "refused").detail("reason", "card_locked").error("vneid_phone_change_card_locked");
        context.challenge(context.form().setAttribute("cardLock", lock.name())
                .setAttribute("cardLockReasonKey", lock.messageKey()).createForm(CARD_LOCKED_TEMPLATE));
        return true;
    }

    private void checkChip(RequiredActionContext context, ChipProof chip, UserModel user) {
        ChipProof.Outcome outcome = chip.check(user);
        switch (outcome.status()) {
            case VERIFIED:
                proven(context, outcome.method());
                return;
            case PENDING:
                context.challenge(chip.currentPage(context.form(), "vneidChipNotYetApproved"));
                return;
            case EXPIRED:
                context.challenge(chip.newTransactionPage(context.form(), user, "chipTransactionExpired"));
                return;
            case FAILED:
            default:
                KcBruteForce.recordSecondFactorFailure(context.getSession(), context.getRealm(), user,
                        context.getConnection(), context.getUriInfo());
                event(context, "refused").detail("reason", outcome.reason()).error("vneid_phone_change_chip");
                context.challenge(chip.newTransactionPage(context.form(), user, outcome.messageKey()));
        }
    }

    private void sendToOldPhone(RequiredActionContext context, String oldPhone) {
        SmsCodeChallenge.Sent sent = challenge(context).send(context.getSession(), context.getAuthenticationSession(),
                context.getUser(), context.getConnection().getRemoteAddr(), oldPhone);
        if (sent.eventError() != null) {
            event(context, "refused").detail("reason", sent.eventReason()).error(sent.eventError());
        }
        context.challenge(codePage(context, oldPhone, PhoneBindingStep.pageMessage(sent, "code")));
    }

    private void checkOldPhoneCode(RequiredActionContext context, String oldPhone, String submitted) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        SmsCodeChallenge challenge = challenge(context);
        SmsCodeState.Verdict verdict = challenge.check(authSession, submitted);
        if (verdict == null) {
            context.challenge(choicePage(context, oldPhone, null));
            return;
        }
        switch (verdict) {
            case ACCEPTED:
                proven(context, "old_phone_code");
                return;
            case EXPIRED:
                context.challenge(codePage(context, oldPhone, new FormMessage("code", "vneidSmsCodeExpired")));
                return;
            case WRONG:
                KcBruteForce.recordSecondFactorFailure(context.getSession(), context.getRealm(), context.getUser(),
                        context.getConnection(), context.getUriInfo());
                context.challenge(codePage(context, oldPhone,
                        new FormMessage("code", "vneidSmsCodeWrong", challenge.remainingAttempts(authSession))));
                return;
            case EXHAUSTED:
            default:
                KcBruteForce.recordSecondFactorFailure(context.getSession(), context.getRealm(), context.getUser(),
                        context.getConnection(), context.getUriInfo());
                event(context, "refused").detail("reason", "too_many_codes").error("vneid_phone_change_code");
                context.challenge(choicePage(context, oldPhone,
                        new FormMessage(null, "vneidSmsCodeTooManyAttempts")));
        }
    }

    private SmsCodeChallenge challenge(RequiredActionContext context) {
        VerifyPhoneConfig config = VerifyPhoneConfig.of(context.getConfig());
        return new SmsCodeChallenge(NOTES, config.codePolicy(), config.limits(), null, clock);
    }

    /** Control is proven (or none was owed): from now on this action binds the new number. */
    private void proven(RequiredActionContext context, String how) {
        context.getAuthenticationSession().setAuthNote(NOTE_PROVEN, how);
        if (!"none".equals(how)) {
            event(context, "change_proven").detail("method", how).success();
        }
        binding.challenge(context);
    }

    private Response choicePage(RequiredActionContext context, String oldPhone, FormMessage error) {
        return page(context, "choice", oldPhone, error);
    }

    private Response codePage(RequiredActionContext context, String oldPhone, FormMessage error) {
        return page(context, "code", oldPhone, error);
    }

    private Response page(RequiredActionContext context, String stage, String oldPhone, FormMessage error) {
        var form = context.form()
                .setAttribute("vneidChangeStage", stage)
                .setAttribute("maskedPhone", PhoneMask.mask(oldPhone));
        if (error != null) {
            form.addError(error);
        }
        return form.createForm(TEMPLATE);
    }

    private static ChipProof chip(RequiredActionContext context) {
        return new ChipProof(context.getSession(), context.getAuthenticationSession(),
                VerifyPhoneConfig.of(context.getConfig()).chipTtl());
    }

    private EventBuilder event(RequiredActionContext context, String what) {
        return context.getEvent().event(EventType.CUSTOM_REQUIRED_ACTION)
                .detail(Details.CUSTOM_REQUIRED_ACTION, providerId)
                .detail(PhoneBindingStep.EVENT_DETAIL, what);
    }

    private static void clear(AuthenticationSessionModel authSession) {
        NOTES.clear(authSession);
        authSession.removeAuthNote(NOTE_PROVEN);
        PhoneBindingStep.clear(authSession);
    }

    @Override
    public void close() {
    }
}
