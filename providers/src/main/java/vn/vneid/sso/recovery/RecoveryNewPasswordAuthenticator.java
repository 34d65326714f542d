package vn.vneid.sso.recovery;

import java.time.Clock;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.events.Details;
import org.keycloak.events.EventType;
import org.keycloak.models.ModelException;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.policy.PasswordPolicyManagerProvider;
import org.keycloak.policy.PolicyError;
import org.keycloak.sessions.AuthenticationSessionModel;

import vn.vneid.sso.chip.ChipStepUpAuthenticator;
import vn.vneid.sso.kc.AlwaysConfiguredAuthenticator;
import vn.vneid.sso.kc.KcSessions;
import vn.vneid.sso.kc.NewPasswordForm;
import vn.vneid.sso.login.LoginThrottle;
import vn.vneid.sso.profile.CitizenProfile;
import vn.vneid.sso.sms.SmsCodeSender;
import vn.vneid.sso.sms.SmsException;

/**
 * Last step of the forgotten-password flow (issue #17): a new password that meets the realm's policy. Then every
 * session of the citizen ends (whoever knew the old password is signed out), an SMS without code or link tells the
 * citizen that the password changed, and the recovery ends on a page that leads to a normal sign-in: recovery itself
 * signs no one in, so no session ever carries a level that was not authenticated by the login flows.
 *
 * <p>The step checks again what the flow before it proved: the code for this very account, and the chip for a level-2
 * account. A realm whose flow was edited without the chip sub-flow cannot hand a level-2 account's password to
 * someone who holds only the phone.
 */
final class RecoveryNewPasswordAuthenticator implements AlwaysConfiguredAuthenticator {

    static final String TEMPLATE = "vneid-recovery-password.ftl";
    static final String DONE_TEMPLATE = "vneid-recovery-done.ftl";
    static final String SMS_GATEWAY = "sms-gateway";

    private static final Logger LOG = Logger.getLogger(RecoveryNewPasswordAuthenticator.class);
    private static final String CHIP_EVENT_SENT = "vneid.recovery.chipEvent";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (context.getAuthenticationSession().getAuthNote(RecoveryNotes.DONE) != null) {
            context.challenge(context.form().createForm(DONE_TEMPLATE));
            return;
        }
        if (!proven(context)) {
            return;
        }
        context.challenge(page(context, null));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (authSession.getAuthNote(RecoveryNotes.DONE) != null) {
            context.challenge(context.form().createForm(DONE_TEMPLATE));
            return;
        }
        if (!proven(context)) {
            return;
        }
        UserModel user = context.getUser();
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
            refusedPassword(context, user, error.getMessage(), error.getParameters());
            return;
        }
        try {
            user.credentialManager().updateCredential(UserCredentialModel.password(password, false));
        } catch (ModelException e) {
            refusedPassword(context, user, e.getMessage(), e.getParameters());
            return;
        }
        user.removeRequiredAction(UserModel.RequiredAction.UPDATE_PASSWORD);
        int ended = KcSessions.endAll(context.getSession(), context.getRealm(), user);
        new LoginThrottle(context.getSession(), context.getRealm().getId(), Clock.systemUTC())
                .succeeded(user.getUsername());
        notifyBySms(context, user);

        authSession.setAuthNote(RecoveryNotes.DONE, "true");
        authSession.removeAuthNote(RecoveryNotes.CODE_VERIFIED);
        context.getEvent().clone().event(EventType.UPDATE_CREDENTIAL).user(user)
                .detail(Details.CREDENTIAL_TYPE, UserCredentialModel.PASSWORD)
                .detail(RecoveryEvents.EVENTS.detail(), "changed").success();
        context.getEvent().clone().user(user).detail(RecoveryEvents.EVENTS.detail(), "changed")
                .detail("vneid_sessions_ended", String.valueOf(ended)).success();
        context.challenge(context.form().createForm(DONE_TEMPLATE));
    }

    private static void refusedPassword(AuthenticationFlowContext context, UserModel user, String messageKey,
            Object[] parameters) {
        RecoveryEvents.EVENTS.refused(context.getEvent(), user, "password_policy");
        context.challenge(page(context, new FormMessage("password", messageKey, parameters)));
    }

    /**
     * The code for this account, and for a level-2 account the chip, were proven in this recovery. Otherwise the
     * recovery is refused (an error page, the flow's own failure) and the event says why.
     */
    private static boolean proven(AuthenticationFlowContext context) {
        UserModel user = context.getUser();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String reason = null;
        if (user == null || !user.getId().equals(authSession.getAuthNote(RecoveryNotes.CODE_VERIFIED))) {
            reason = "code_not_verified";
        } else if (CitizenProfile.isLevelTwo(user)
                && authSession.getUserSessionNotes().get(ChipStepUpAuthenticator.EVENT_METHOD) == null) {
            reason = "chip_not_verified";
        }
        if (reason != null) {
            RecoveryEvents.EVENTS.refused(context.getEvent(), user, reason);
            context.failureChallenge(AuthenticationFlowError.ACCESS_DENIED, context.form()
                    .setError("code_not_verified".equals(reason) ? "vneidRecoveryNotProven" : "vneidRecoveryNeedsChip")
                    .createErrorPage(Response.Status.FORBIDDEN));
            return false;
        }
        if (CitizenProfile.isLevelTwo(user) && authSession.getAuthNote(CHIP_EVENT_SENT) == null) {
            authSession.setAuthNote(CHIP_EVENT_SENT, "true");
            RecoveryEvents.EVENTS.step(context.getEvent().clone().detail(ChipStepUpAuthenticator.EVENT_METHOD,
                    authSession.getUserSessionNotes().get(ChipStepUpAuthenticator.EVENT_METHOD)), user,
                    "chip_verified");
        }
        return true;
    }

    /** Issue #17: the citizen learns of the change on the phone; the text holds neither a code nor a link. */
    private static void notifyBySms(AuthenticationFlowContext context, UserModel user) {
        String phone = CitizenProfile.verifiedPhone(user);
        if (phone == null) {
            return;
        }
        String gateway = context.getAuthenticatorConfig() == null ? null
                : context.getAuthenticatorConfig().getConfig().get(SMS_GATEWAY);
        try {
            String text = SmsCodeSender.localised(context.getSession(), user, "vneidRecoveryPasswordChangedSms");
            RecoverySms.sendAfterCommit(context.getSession(), gateway == null || gateway.isBlank() ? null
                    : gateway.strip(), phone, text, null);
        } catch (SmsException e) {
            LOG.warnf("password-change notice for realm %s not sent: %s", context.getRealm().getName(),
                    e.getMessage());
        }
    }

    private static Response page(AuthenticationFlowContext context, FormMessage error) {
        return NewPasswordForm.page(context.form(), TEMPLATE, error);
    }

    @Override
    public boolean requiresUser() {
        return true;
    }
}
