package vn.vneid.sso.phone;

import java.time.Clock;
import java.time.Duration;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

import vn.vneid.sso.chip.ChipProof;
import vn.vneid.sso.otp.SmsCodeChallenge;
import vn.vneid.sso.otp.SmsCodeNotes;
import vn.vneid.sso.otp.SmsCodeState;
import vn.vneid.sso.profile.CitizenProfile;

/**
 * Changing the bound phone at once, instead of the 7-10 days through commune police or the hotline. The citizen
 * first proves control: a level-1 account with a code to the old phone when it still works, or with the chip ID
 * card when it does not; a level-2 account always with the chip. Then the new number is bound exactly as
 * {@link VerifyPhoneRequiredAction} binds one (registry ownership, code to the new number). The old number stays
 * verified until the new one is bound: an abandoned change loses nothing.
 */
final class ChangePhoneRequiredAction implements RequiredActionProvider {

    static final String TEMPLATE = "vneid-change-phone.ftl";
    static final String NOTE_PROVEN = "vneid.change.proven";
    private static final SmsCodeNotes NOTES = new SmsCodeNotes("vneid.change.");
    private static final Duration CHIP_TTL = Duration.ofSeconds(120);

    private final Clock clock;
    private final VerifyPhoneRequiredAction binding;

    ChangePhoneRequiredAction(Clock clock) {
        this.clock = clock;
        this.binding = new VerifyPhoneRequiredAction(clock, "changed");
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
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (authSession.getAuthNote(NOTE_PROVEN) != null) {
            binding.requiredActionChallenge(context);
            return;
        }
        event(context, "change_requested").success();
        UserModel user = context.getUser();
        String oldPhone = CitizenProfile.verifiedPhone(user);
        if (oldPhone == null) {
            // Nothing to take over from: this is a first binding, proven by the registry and the code.
            prove(context, "none");
            return;
        }
        context.challenge(CitizenProfile.isLevelTwo(user) ? chip(context).newTransactionPage(context.form(), user, null)
                : choicePage(context, oldPhone, null));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (authSession.getAuthNote(NOTE_PROVEN) != null) {
            binding.processAction(context);
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey("cancel")) {
            clear(authSession);
            context.cancel();
            return;
        }
        UserModel user = context.getUser();
        String oldPhone = CitizenProfile.verifiedPhone(user);
        if (oldPhone == null) {
            prove(context, "none");
            return;
        }
        ChipProof chip = chip(context);
        boolean chipOnly = CitizenProfile.isLevelTwo(user);
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

    private void checkChip(RequiredActionContext context, ChipProof chip, UserModel user) {
        ChipProof.Outcome outcome = chip.check(user);
        switch (outcome.status()) {
            case VERIFIED:
                prove(context, outcome.method());
                return;
            case PENDING:
                context.challenge(chip.currentPage(context.form(), "vneidChipNotYetApproved"));
                return;
            case EXPIRED:
                context.challenge(chip.newTransactionPage(context.form(), user, "chipTransactionExpired"));
                return;
            case FAILED:
            default:
                event(context, "refused").detail("reason", outcome.reason()).error("vneid_phone_change_chip");
                context.challenge(chip.newTransactionPage(context.form(), user, outcome.messageKey()));
        }
    }

    private void sendToOldPhone(RequiredActionContext context, String oldPhone) {
        SmsCodeChallenge.Sent sent = challenge(context).send(context.getSession(), context.getAuthenticationSession(),
                context.getUser(), context.getConnection().getRemoteAddr(), oldPhone);
        if (!sent.ok() && sent.eventError() != null) {
            event(context, "refused").detail("reason", sent.eventReason()).error(sent.eventError());
        }
        context.challenge(codePage(context, oldPhone,
                sent.ok() ? null : new FormMessage("code", sent.refusal(), sent.arguments())));
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
                prove(context, "old_phone_code");
                return;
            case EXPIRED:
                context.challenge(codePage(context, oldPhone, new FormMessage("code", "vneidSmsCodeExpired")));
                return;
            case WRONG:
                context.challenge(codePage(context, oldPhone,
                        new FormMessage("code", "vneidSmsCodeWrong", challenge.remainingAttempts(authSession))));
                return;
            case EXHAUSTED:
            default:
                event(context, "refused").detail("reason", "too_many_codes").error("vneid_phone_change_code");
                context.challenge(choicePage(context, oldPhone,
                        new FormMessage(null, "vneidSmsCodeTooManyAttempts")));
        }
    }

    private SmsCodeChallenge challenge(RequiredActionContext context) {
        VerifyPhoneConfig config = VerifyPhoneConfig.of(context.getConfig());
        return new SmsCodeChallenge(NOTES, config.codePolicy(), config.limits(), null, clock);
    }

    /** Control is proven: from now on this action binds the new number. */
    private void prove(RequiredActionContext context, String how) {
        context.getAuthenticationSession().setAuthNote(NOTE_PROVEN, how);
        event(context, "change_proven").detail("method", how).success();
        binding.requiredActionChallenge(context);
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
        return new ChipProof(context.getSession(), context.getAuthenticationSession(), CHIP_TTL);
    }

    private static EventBuilder event(RequiredActionContext context, String what) {
        return context.getEvent().event(EventType.CUSTOM_REQUIRED_ACTION)
                .detail(Details.CUSTOM_REQUIRED_ACTION, ChangePhoneRequiredActionFactory.PROVIDER_ID)
                .detail(VerifyPhoneRequiredAction.EVENT_DETAIL, what);
    }

    private static void clear(AuthenticationSessionModel authSession) {
        NOTES.clear(authSession);
        authSession.removeAuthNote(NOTE_PROVEN);
    }

    @Override
    public void close() {
    }
}
