package vn.vneid.sso.phone;

import java.time.Clock;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.events.Details;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

import vn.vneid.sso.kc.KcBruteForce;
import vn.vneid.sso.otp.SmsCodeChallenge;
import vn.vneid.sso.otp.SmsCodeNotes;
import vn.vneid.sso.otp.SmsCodeState;
import vn.vneid.sso.phone.registry.RegistryUnavailableException;
import vn.vneid.sso.phone.registry.SimCheck;
import vn.vneid.sso.profile.CitizenProfile;

/**
 * Binds a mobile number to the account as a verified factor: the number must be a Vietnamese mobile, registered to
 * this citizen in the telecom subscriber registry (chính chủ), voice-capable, active and not about to end; then the
 * citizen proves possession with a code sent to it. Nothing is stored until both hold. Only {@link
 * PhoneRequiredAction} runs this step, once it has decided that no proof of control is owed first (issue #11).
 */
final class PhoneBindingStep {

    static final String TEMPLATE = "vneid-verify-phone.ftl";
    /** The number the current code was sent to: set only once a code went out, so a code binds its own number. */
    static final String NOTE_NUMBER = "vneid.bind.number";
    static final String EVENT_DETAIL = "vneid_phone";
    private static final SmsCodeNotes NOTES = new SmsCodeNotes("vneid.bind.");

    private final Clock clock;
    private final String boundEvent;
    private final String providerId;

    /**
     * @param boundEvent the event detail recorded when a number is bound: "verified", or "changed" for a change
     * @param providerId the required action the events are recorded under
     */
    PhoneBindingStep(Clock clock, String boundEvent, String providerId) {
        this.clock = clock;
        this.boundEvent = boundEvent;
        this.providerId = providerId;
    }

    void challenge(RequiredActionContext context) {
        String pending = context.getAuthenticationSession().getAuthNote(NOTE_NUMBER);
        context.challenge(pending == null ? numberPage(context, null, null) : codePage(context, pending, null));
    }

    void process(RequiredActionContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        VerifyPhoneConfig config = VerifyPhoneConfig.of(context.getConfig());
        String pending = authSession.getAuthNote(NOTE_NUMBER);

        // A number taken before an officer's reset pinned another one (the reset ends no login in progress).
        if (pending != null && notPinned(context, pending, "")) {
            authSession.removeAuthNote(NOTE_NUMBER);
            return;
        }
        if (form.containsKey("changeNumber") || pending == null) {
            // The code state (tries, resends, when the last code left) stays: another number is a resend, with
            // the same cooldown and cap, never a fresh allowance.
            authSession.removeAuthNote(NOTE_NUMBER);
            if (form.containsKey("number")) {
                checkAndSend(context, config, form.getFirst("number"));
            } else {
                context.challenge(numberPage(context, null, null));
            }
            return;
        }
        SmsCodeChallenge challenge = challenge(config);
        if (form.containsKey("resend") || challenge.state(authSession) == null) {
            send(context, config, pending);
            return;
        }
        SmsCodeState.Verdict verdict = challenge.check(authSession, form.getFirst("code"));
        switch (verdict) {
            case ACCEPTED:
                bind(context, pending);
                return;
            case EXPIRED:
                context.challenge(codePage(context, pending, new FormMessage("code", "vneidSmsCodeExpired")));
                return;
            case WRONG:
                KcBruteForce.recordSecondFactorFailure(context.getSession(), context.getRealm(), context.getUser(),
                        context.getConnection(), context.getUriInfo());
                context.challenge(codePage(context, pending,
                        new FormMessage("code", "vneidSmsCodeWrong", challenge.remainingAttempts(authSession))));
                return;
            case EXHAUSTED:
            default:
                KcBruteForce.recordSecondFactorFailure(context.getSession(), context.getRealm(), context.getUser(),
                        context.getConnection(), context.getUriInfo());
                clear(authSession);
                event(context, "refused").detail("reason", "too_many_codes").error("vneid_phone_code_attempts");
                context.challenge(numberPage(context, null, new FormMessage(null, "vneidSmsCodeTooManyAttempts")));
        }
    }

    private void checkAndSend(RequiredActionContext context, VerifyPhoneConfig config, String raw) {
        PhoneNumber number;
        try {
            number = PhoneNumber.parse(raw);
        } catch (PhoneNumberException e) {
            context.challenge(numberPage(context, raw, new FormMessage("number", e.reason().messageKey())));
            return;
        }
        UserModel user = context.getUser();
        if (notPinned(context, number.e164(), raw)) {
            return;
        }
        SimCheck.Verdict verdict;
        try {
            verdict = RegistryVerdict.of(context.getSession(), config, user, number, clock);
        } catch (RegistryUnavailableException e) {
            event(context, "refused").detail("reason", "registry_unavailable").error("vneid_phone_registry_down");
            context.challenge(numberPage(context, raw, new FormMessage("number", "phoneRegistryUnavailable")));
            return;
        }
        if (verdict != SimCheck.Verdict.ACCEPTED) {
            event(context, "refused").detail("reason", verdict.code()).error("vneid_phone_refused");
            context.challenge(numberPage(context, raw, new FormMessage("number", verdict.messageKey())));
            return;
        }
        if (CitizenProfile.verifiedOnAnotherAccount(context.getSession(), context.getRealm(), number.e164(), user)) {
            event(context, "refused").detail("reason", "in_use").error("vneid_phone_refused");
            context.challenge(numberPage(context, raw, new FormMessage("number", "phoneInUse")));
            return;
        }
        SmsCodeChallenge.Sent sent = sendCode(context, config, number.e164());
        if (sent.delivered()) {
            context.getAuthenticationSession().setAuthNote(NOTE_NUMBER, number.e164());
            context.challenge(codePage(context, number.e164(), pageMessage(sent, "code")));
        } else {
            context.challenge(numberPage(context, raw, new FormMessage("number", sent.refusal(), sent.arguments())));
        }
    }

    /**
     * After an officer's reset, only the number given at the desk may be bound: anything else is refused, with the
     * number page and the pinned number masked. True when refused.
     */
    private boolean notPinned(RequiredActionContext context, String e164, String typed) {
        String pinned = CitizenProfile.pinnedPhone(context.getUser());
        if (pinned == null || pinned.equals(e164)) {
            return false;
        }
        event(context, "refused").detail("reason", "not_desk_number").error("vneid_phone_refused");
        context.challenge(numberPage(context, typed, new FormMessage("number", "phonePinnedByDesk",
                PhoneMask.mask(pinned))));
        return true;
    }

    private void send(RequiredActionContext context, VerifyPhoneConfig config, String e164) {
        context.challenge(codePage(context, e164, pageMessage(sendCode(context, config, e164), "code")));
    }

    /** The page's message after a send: a refusal on {@code field}, a "may arrive late" notice, or none. */
    static FormMessage pageMessage(SmsCodeChallenge.Sent sent, String field) {
        return sent.messageKey() == null ? null : new FormMessage(field, sent.messageKey(), sent.arguments());
    }

    private SmsCodeChallenge.Sent sendCode(RequiredActionContext context, VerifyPhoneConfig config, String e164) {
        SmsCodeChallenge.Sent sent = challenge(config).send(context.getSession(), context.getAuthenticationSession(),
                context.getUser(), context.getConnection().getRemoteAddr(), e164);
        if (sent.eventError() != null) {
            event(context, "refused").detail("reason", sent.eventReason()).error(sent.eventError());
        }
        return sent;
    }

    private SmsCodeChallenge challenge(VerifyPhoneConfig config) {
        return new SmsCodeChallenge(NOTES, config.codePolicy(), config.limits(), null, clock);
    }

    private void bind(RequiredActionContext context, String e164) {
        UserModel user = context.getUser();
        CitizenProfile.markPhoneVerified(user, e164);
        user.removeAttribute(CitizenProfile.PHONE_REBIND_NEEDS_CHIP);
        clear(context.getAuthenticationSession());
        // The proof was for this binding: a second phone action in the same login (verify, then change) owes its own.
        context.getAuthenticationSession().removeAuthNote(PhoneRequiredAction.NOTE_PROVEN);
        event(context, boundEvent).success();
        context.success();
    }

    private EventBuilder event(RequiredActionContext context, String what) {
        return context.getEvent().event(EventType.CUSTOM_REQUIRED_ACTION)
                .detail(Details.CUSTOM_REQUIRED_ACTION, providerId)
                .detail(EVENT_DETAIL, what);
    }

    private Response numberPage(RequiredActionContext context, String value, FormMessage error) {
        var form = context.form()
                .setAttribute("vneidPhoneStage", "number")
                .setAttribute("vneidPhoneValue", value == null ? "" : value);
        if (error != null) {
            form.addError(error);
        }
        return form.createForm(TEMPLATE);
    }

    private Response codePage(RequiredActionContext context, String e164, FormMessage message) {
        var form = context.form()
                .setAttribute("vneidPhoneStage", "code")
                .setAttribute("maskedPhone", PhoneMask.mask(e164));
        if (message != null) {
            form.addError(message);
        }
        return form.createForm(TEMPLATE);
    }

    static void clear(AuthenticationSessionModel authSession) {
        NOTES.clear(authSession);
        authSession.removeAuthNote(NOTE_NUMBER);
    }
}
