package vn.vneid.sso.activation;

import java.time.Clock;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.Details;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

import vn.vneid.sso.approval.ActivationCheck;
import vn.vneid.sso.approval.QueuedRecord;
import vn.vneid.sso.identity.NationalIdException;
import vn.vneid.sso.identity.NationalIdNumber;
import vn.vneid.sso.intake.jpa.JpaApprovalQueue;
import vn.vneid.sso.kc.AlwaysConfiguredAuthenticator;
import vn.vneid.sso.limit.FixedWindowLimiter;
import vn.vneid.sso.limit.IdAddressLimits;
import vn.vneid.sso.otp.CodeHashKey;
import vn.vneid.sso.phone.PhoneNumber;
import vn.vneid.sso.phone.PhoneNumberException;

/**
 * Activation, step 1 (issue #15 part 4): the national ID, the phone given at the desk and the code the approval sent
 * to it. The formats are told precisely (they are the same for everyone); whether the number has an approved record,
 * whether the phone is the record's, whether the code is right, expired, used or out of tries is answered with one
 * neutral message, so the page tells nobody which numbers have accounts or which phone a citizen gave.
 */
final class ActivationCodeAuthenticator implements AlwaysConfiguredAuthenticator {

    static final String TEMPLATE = "vneid-activation-code.ftl";
    static final String FIELD_ID = "username";
    static final String FIELD_PHONE = "phone";
    static final String FIELD_CODE = "code";

    private static final Logger LOG = Logger.getLogger(ActivationCodeAuthenticator.class);

    private final Clock clock;
    private final CodeHashKey codeKey;

    ActivationCodeAuthenticator(Clock clock, CodeHashKey codeKey) {
        this.clock = clock;
        this.codeKey = codeKey;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        context.challenge(page(context, null, null, null));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        String rawId = form.getFirst(FIELD_ID);
        String rawPhone = form.getFirst(FIELD_PHONE);
        NationalIdNumber id;
        try {
            id = NationalIdNumber.parse(rawId);
        } catch (NationalIdException e) {
            ActivationEvents.EVENTS.refused(context.getEvent(), null, "invalid_id");
            context.challenge(page(context, rawId, rawPhone, new FormMessage(FIELD_ID, e.reason().messageKey())));
            return;
        }
        PhoneNumber phone;
        try {
            phone = PhoneNumber.parse(rawPhone);
        } catch (PhoneNumberException e) {
            ActivationEvents.EVENTS.refused(context.getEvent(), null, "invalid_phone");
            context.challenge(page(context, id.value(), rawPhone,
                    new FormMessage(FIELD_PHONE, e.reason().messageKey())));
            return;
        }
        context.getEvent().detail(Details.USERNAME, id.value());
        String realmId = context.getRealm().getId();
        Optional<IdAddressLimits.Limit> limited = new FixedWindowLimiter(context.getSession()).tryAcquire(
                ActivationConfig.limits(context.getAuthenticatorConfig()).counters(realmId, id.value(),
                        context.getConnection().getRemoteAddr(), clock.instant()));
        if (limited.isPresent()) {
            ActivationEvents.EVENTS.refused(context.getEvent(), null, limited.get().eventReason());
            context.challenge(page(context, id.value(), rawPhone,
                    new FormMessage(FIELD_CODE, ActivationConfig.LIMITS.messageKey(limited.get()))));
            return;
        }

        JpaApprovalQueue queue = new JpaApprovalQueue(
                context.getSession().getProvider(JpaConnectionProvider.class).getEntityManager(), realmId);
        QueuedRecord record = queue.approvedFor(id.value()).orElse(null);
        UserModel user = record == null || record.userId() == null ? null
                : context.getSession().users().getUserById(context.getRealm(), record.userId());
        String code = form.getFirst(FIELD_CODE) == null ? "" : form.getFirst(FIELD_CODE).strip();
        ActivationCheck.Result result = user == null
                ? new ActivationCheck.Result(false, "no_approved_record", false)
                : ActivationCheck.check(record.code(), phone.e164(), code, clock.instant(), codeLength(code),
                        ActivationConfig.maxAttempts(context.getAuthenticatorConfig()), codeKey);
        if (!result.accepted()) {
            if (result.countsAttempt()) {
                queue.countAttempt(record.id());
            }
            if (ActivationCheck.KEY_MISSING.equals(result.reason())) {
                LOG.error("An activation code was hashed with a server key this node does not have (key file not"
                        + " set here, or changed): every such code is refused until the officer sends a new one. Set"
                        + " the same activation-code-key-file on every node.");
            }
            ActivationEvents.EVENTS.refused(context.getEvent(), user, result.reason());
            context.challenge(page(context, id.value(), rawPhone,
                    new FormMessage(FIELD_CODE, "vneidActivationInvalid")));
            return;
        }
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.setAuthNote(ActivationNotes.SUBJECT, user.getId());
        authSession.setAuthNote(ActivationNotes.RECORD, record.id());
        ActivationEvents.EVENTS.step(context.getEvent(), user, "code_verified");
        context.success();
    }

    /** The code is compared by its hash; a length outside 4-10 digits cannot be any code (and is simply wrong). */
    private static int codeLength(String code) {
        return Math.max(4, Math.min(10, code.length()));
    }

    private static Response page(AuthenticationFlowContext context, String id, String phone, FormMessage error) {
        var form = context.form();
        if (id != null) {
            form.setAttribute("nationalId", id);
        }
        if (phone != null) {
            form.setAttribute("phone", phone);
        }
        if (error != null) {
            form.addError(error);
        }
        return form.createForm(TEMPLATE);
    }

    @Override
    public boolean requiresUser() {
        return false;
    }
}
