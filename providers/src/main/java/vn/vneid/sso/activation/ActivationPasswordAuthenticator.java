package vn.vneid.sso.activation;

import java.time.Clock;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.ModelException;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.policy.PasswordPolicyManagerProvider;
import org.keycloak.policy.PolicyError;
import org.keycloak.sessions.AuthenticationSessionModel;

import vn.vneid.sso.approval.DocumentNumber;
import vn.vneid.sso.approval.QueuedRecord;
import vn.vneid.sso.intake.EnrolmentStatus;
import vn.vneid.sso.intake.jpa.JpaApprovalQueue;
import vn.vneid.sso.kc.AlwaysConfiguredAuthenticator;
import vn.vneid.sso.kc.KcSessions;
import vn.vneid.sso.kc.NewPasswordForm;
import vn.vneid.sso.login.LoginThrottle;
import vn.vneid.sso.profile.CitizenProfile;

/**
 * Activation, last step (issue #15 part 4): a password under the realm's policy. Then the account is active: enabled,
 * level 2 (the record was collected in person with the chip card and approved), the record's phone bound and verified
 * (the code sent to it proved possession), the record ACTIVATED and its code gone. An upgraded level-1 account keeps its
 * id; its other sessions end, since its password changed. Like recovery, activation signs no one in: the final page
 * leads to a normal sign-in.
 */
final class ActivationPasswordAuthenticator implements AlwaysConfiguredAuthenticator {

    static final String TEMPLATE = "vneid-activation-password.ftl";
    static final String DONE_TEMPLATE = "vneid-activation-done.ftl";

    private final Clock clock;

    ActivationPasswordAuthenticator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (context.getAuthenticationSession().getAuthNote(ActivationNotes.DONE) != null) {
            context.challenge(context.form().createForm(DONE_TEMPLATE));
            return;
        }
        if (subject(context) == null) {
            return;
        }
        context.challenge(page(context, null));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (authSession.getAuthNote(ActivationNotes.DONE) != null) {
            context.challenge(context.form().createForm(DONE_TEMPLATE));
            return;
        }
        UserModel user = subject(context);
        if (user == null) {
            return;
        }
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        FormMessage problem = NewPasswordForm.problem(form);
        if (problem != null) {
            context.challenge(page(context, problem));
            return;
        }
        String password = form.getFirst(NewPasswordForm.FIELD_PASSWORD);
        PolicyError error = context.getSession().getProvider(PasswordPolicyManagerProvider.class)
                .validate(context.getRealm(), user, password);
        if (error != null) {
            ActivationEvents.EVENTS.refused(context.getEvent(), user, "password_policy");
            context.challenge(page(context, new FormMessage("password", error.getMessage(),
                    error.getParameters())));
            return;
        }

        String recordId = authSession.getAuthNote(ActivationNotes.RECORD);
        JpaApprovalQueue queue = new JpaApprovalQueue(
                context.getSession().getProvider(JpaConnectionProvider.class).getEntityManager(),
                context.getRealm().getId());
        QueuedRecord record = queue.find(recordId).orElse(null);
        // The record moves only if it is still APPROVED: of two browsers with the same code, one activates.
        if (record == null || !queue.move(recordId, EnrolmentStatus.APPROVED, EnrolmentStatus.ACTIVATED,
                user.getId(), null, clock.millis())) {
            notProven(context, user, "record_not_approved");
            return;
        }
        try {
            user.credentialManager().updateCredential(UserCredentialModel.password(password, false));
        } catch (ModelException e) {
            // Rolls the record back with the request's transaction.
            context.getSession().getTransactionManager().setRollbackOnly();
            ActivationEvents.EVENTS.refused(context.getEvent(), user, "password_policy");
            context.challenge(page(context, new FormMessage("password", e.getMessage(), e.getParameters())));
            return;
        }
        queue.clearCode(recordId);
        user.setEnabled(true);
        user.setSingleAttribute(CitizenProfile.LEVEL, "2");
        CitizenProfile.markPhoneVerified(user, record.phone());
        user.removeAttribute(CitizenProfile.PHONE_REBIND_NEEDS_CHIP);
        user.removeRequiredAction(CitizenProfile.VERIFY_PHONE_ACTION);
        user.removeRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        user.setSingleAttribute(DocumentNumber.ATTRIBUTE, DocumentNumber.of(record.nationalId()));
        int ended = KcSessions.endAll(context.getSession(), context.getRealm(), user);
        new LoginThrottle(context.getSession(), context.getRealm().getId(), clock).succeeded(user.getUsername());

        authSession.setAuthNote(ActivationNotes.DONE, "true");
        context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL).user(user)
                .detail(Details.CREDENTIAL_TYPE, UserCredentialModel.PASSWORD)
                .detail(ActivationEvents.EVENTS.detail(), "activated").success();
        context.getEvent().clone().user(user).detail(ActivationEvents.EVENTS.detail(), "activated")
                .detail("vneid_sessions_ended", String.valueOf(ended)).success();
        context.challenge(context.form().createForm(DONE_TEMPLATE));
    }

    /** The account whose number, phone and code were proven in this activation; else the activation is refused. */
    private static UserModel subject(AuthenticationFlowContext context) {
        String userId = context.getAuthenticationSession().getAuthNote(ActivationNotes.SUBJECT);
        UserModel user = userId == null ? null : context.getSession().users().getUserById(context.getRealm(), userId);
        if (user == null || context.getAuthenticationSession().getAuthNote(ActivationNotes.RECORD) == null) {
            notProven(context, user, "code_not_verified");
            return null;
        }
        return user;
    }

    private static void notProven(AuthenticationFlowContext context, UserModel user, String reason) {
        ActivationEvents.EVENTS.refused(context.getEvent(), user, reason);
        context.failureChallenge(AuthenticationFlowError.ACCESS_DENIED, context.form()
                .setError("vneidActivationNotProven").createErrorPage(Response.Status.FORBIDDEN));
    }

    private static Response page(AuthenticationFlowContext context, FormMessage error) {
        return NewPasswordForm.page(context.form(), TEMPLATE, error);
    }

    @Override
    public boolean requiresUser() {
        return false;
    }
}
