package vn.vneid.sso.selfreg;

import java.time.Clock;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

import vn.vneid.sso.kc.AlwaysConfiguredAuthenticator;
import vn.vneid.sso.limit.IdAddressLimits;
import vn.vneid.sso.login.SmsCodeConfig;
import vn.vneid.sso.otp.SmsCodeChallenge;
import vn.vneid.sso.otp.SmsCodeState;
import vn.vneid.sso.phone.PhoneMask;
import vn.vneid.sso.population.Person;
import vn.vneid.sso.profile.CitizenProfile;

/**
 * Second step of the level-1 registration (issue #15): a code by SMS to the phone the subscriber registry said is the
 * citizen's, with the login's code rules, send limits and gateway (the execution has the SMS code step's config).
 * Whether the number already has an account is told only here, once the code proved the phone: the registration page
 * tells nothing about accounts to someone who merely knows a citizen's data.
 */
final class RegistrationCodeAuthenticator implements AlwaysConfiguredAuthenticator {

    static final String TEMPLATE = "vneid-register-code.ftl";
    static final String EXISTS_TEMPLATE = "vneid-register-exists.ftl";
    static final String FIELD_CODE = "code";
    static final String FIELD_RESEND = "resend";

    private final Clock clock;

    RegistrationCodeAuthenticator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (!matched(context)) {
            return;
        }
        SmsCodeChallenge challenge = challenge(context);
        SmsCodeState state = challenge.state(authSession);
        if (state != null) {
            // A page refresh: the page for the code already sent, not another SMS.
            String error = state.isExpired(clock.instant(), challenge.policy()) ? "vneidSmsCodeExpired" : null;
            context.challenge(page(context, challenge, error == null ? null : new FormMessage(FIELD_CODE, error)));
            return;
        }
        send(context, challenge);
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        if (!matched(context)) {
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        SmsCodeChallenge challenge = challenge(context);
        if (form.containsKey(FIELD_RESEND) || challenge.state(authSession) == null) {
            send(context, challenge);
            return;
        }
        String submitted = form.getFirst(FIELD_CODE);
        if (submitted == null || submitted.isBlank()) {
            context.challenge(page(context, challenge, new FormMessage(FIELD_CODE, "vneidSmsCodeMissing")));
            return;
        }
        SmsCodeState.Verdict verdict = challenge.check(authSession, submitted.strip());
        switch (verdict) {
            case ACCEPTED:
                proven(context);
                return;
            case EXPIRED:
                RegistrationEvents.EVENTS.refused(context.getEvent(), null, "code_expired");
                context.challenge(page(context, challenge, new FormMessage(FIELD_CODE, "vneidSmsCodeExpired")));
                return;
            case WRONG:
                RegistrationEvents.EVENTS.refused(context.getEvent(), null, "wrong_code");
                context.challenge(page(context, challenge, new FormMessage(FIELD_CODE, "vneidSmsCodeWrong",
                        challenge.remainingAttempts(authSession))));
                return;
            case EXHAUSTED:
            default:
                RegistrationEvents.EVENTS.refused(context.getEvent(), null, "too_many_codes");
                // The reset clears every note (the code state with it); the message is set after, so it survives.
                context.resetFlow(() -> context.getAuthenticationSession()
                        .setAuthNote(RegistrationNotes.FLASH_ERROR, "vneidRegisterCodeTooManyAttempts"));
        }
    }

    private void proven(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        Person person = RegistrationNotes.readPerson(authSession).orElseThrow();
        String phone = authSession.getAuthNote(RegistrationNotes.PHONE);
        UserModel existing = context.getSession().users().getUserByUsername(context.getRealm(), person.nationalId());
        if (existing != null) {
            // Duplicate: the phone's holder learns that an account exists and where to go, nothing more.
            RegistrationEvents.EVENTS.refused(context.getEvent().clone().user(existing), null, "account_exists");
            exists(context);
            return;
        }
        if (CitizenProfile.verifiedOnAnotherAccount(context.getSession(), context.getRealm(), phone, null)) {
            // Decree 69/2024: one phone number belongs to one account.
            RegistrationEvents.EVENTS.refused(context.getEvent(), null, "phone_in_use");
            context.resetFlow(() -> context.getAuthenticationSession()
                    .setAuthNote(RegistrationNotes.FLASH_ERROR, "vneidRegisterPhoneInUse"));
            return;
        }
        authSession.setAuthNote(RegistrationNotes.PHONE_PROVEN, phone);
        RegistrationEvents.EVENTS.step(context.getEvent(), null, "code_verified");
        context.success();
    }

    static void exists(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        RegistrationNotes.clearAll(authSession);
        authSession.setAuthNote(RegistrationNotes.DONE, EXISTS_TEMPLATE);
        context.challenge(context.form().createForm(EXISTS_TEMPLATE));
    }

    /**
     * The first step's match is the premise of this one; without it (a request that skipped it, or a registration
     * that already ended) nothing is sent.
     */
    private static boolean matched(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String done = authSession.getAuthNote(RegistrationNotes.DONE);
        if (done != null) {
            context.challenge(context.form().createForm(done));
            return false;
        }
        if (RegistrationNotes.readPerson(authSession).isEmpty()
                || authSession.getAuthNote(RegistrationNotes.PHONE) == null) {
            context.resetFlow();
            return false;
        }
        return true;
    }

    private void send(AuthenticationFlowContext context, SmsCodeChallenge challenge) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        Person person = RegistrationNotes.readPerson(authSession).orElseThrow();
        SmsCodeChallenge.Sent sent = challenge.send(context.getSession(), authSession, null,
                "selfreg." + IdAddressLimits.hash(context.getRealm().getId(), person.nationalId()),
                context.getConnection().getRemoteAddr(), authSession.getAuthNote(RegistrationNotes.PHONE));
        if (sent.eventError() != null) {
            RegistrationEvents.EVENTS.refused(context.getEvent(), null, sent.eventReason() != null ? sent.eventReason()
                    : sent.eventError());
        }
        FormMessage message = sent.messageKey() == null ? null
                : new FormMessage(FIELD_CODE, sent.messageKey(), sent.arguments());
        context.challenge(page(context, challenge, message));
    }

    private SmsCodeChallenge challenge(AuthenticationFlowContext context) {
        SmsCodeConfig config = SmsCodeConfig.of(context.getAuthenticatorConfig());
        // Anyone may start a registration: its sends count apart from the login's (SendLimits.scoped).
        return new SmsCodeChallenge(RegistrationNotes.CODE, config.policy(), config.limits().scoped("registration"),
                config.gateway(), clock);
    }

    private Response page(AuthenticationFlowContext context, SmsCodeChallenge challenge, FormMessage message) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        SmsCodeState state = challenge.state(authSession);
        LoginFormsProvider form = context.form()
                .setAttribute("maskedPhone", PhoneMask.mask(authSession.getAuthNote(RegistrationNotes.PHONE)))
                .setAttribute("codeLength", state == null ? challenge.policy().length()
                        : state.codeLength(challenge.policy()))
                .setAttribute("ttlMinutes", Math.max(1, (state == null ? challenge.policy().ttl()
                        : state.lifetime(challenge.policy())).toMinutes()))
                .setAttribute("resendWaitSeconds", state == null ? 0
                        : state.secondsUntilResend(clock.instant(), challenge.policy()))
                .setAttribute("resendsLeft", state == null ? challenge.policy().maxResends()
                        : Math.max(0, challenge.policy().maxResends() - state.resends()));
        if (message != null) {
            form.addError(message);
        }
        return form.createForm(TEMPLATE);
    }

    @Override
    public boolean requiresUser() {
        return false;
    }
}
