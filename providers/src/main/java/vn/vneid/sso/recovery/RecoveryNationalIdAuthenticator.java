package vn.vneid.sso.recovery;

import java.time.Clock;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Details;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

import vn.vneid.sso.identity.NationalIdException;
import vn.vneid.sso.identity.NationalIdNumber;
import vn.vneid.sso.kc.AlwaysConfiguredAuthenticator;
import vn.vneid.sso.kc.KcBruteForce;
import vn.vneid.sso.limit.FixedWindowLimiter;
import vn.vneid.sso.limit.IdAddressLimits;
import vn.vneid.sso.profile.CitizenProfile;

/**
 * First step of the forgotten-password flow (issue #17): the national ID, validated as at login. Whatever the number
 * leads to (an account with a verified phone, no account, an account without a phone, a locked or disabled account,
 * or one locked for card loss), the citizen goes on to the same code page; only the event says which it was. The
 * number's format and the recovery limits are told precisely: both are the same for every number.
 */
final class RecoveryNationalIdAuthenticator implements AlwaysConfiguredAuthenticator {

    static final String TEMPLATE = "vneid-recovery-id.ftl";
    static final String FIELD_ID = "username";

    private final Clock clock;

    RecoveryNationalIdAuthenticator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        String flash = context.getAuthenticationSession().getAuthNote(RecoveryNotes.FLASH_ERROR);
        if (flash != null) {
            context.getAuthenticationSession().removeAuthNote(RecoveryNotes.FLASH_ERROR);
            context.challenge(page(context, null, flash));
            return;
        }
        context.challenge(page(context, null, null));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        NationalIdNumber id;
        try {
            id = NationalIdNumber.parse(form.getFirst(FIELD_ID));
        } catch (NationalIdException e) {
            RecoveryEvents.EVENTS.refused(context.getEvent(), null, "invalid_id");
            context.challenge(page(context, form.getFirst(FIELD_ID), e.reason().messageKey()));
            return;
        }
        context.getEvent().detail(Details.USERNAME, id.value());
        String realmId = context.getRealm().getId();
        String clientIp = context.getConnection().getRemoteAddr();
        Optional<IdAddressLimits.Limit> limited = new FixedWindowLimiter(context.getSession()).tryAcquire(
                RecoveryConfig.limits(context.getAuthenticatorConfig()).counters(realmId, id.value(), clientIp,
                        clock.instant()));
        if (limited.isPresent()) {
            RecoveryEvents.EVENTS.refused(context.getEvent(), null, limited.get().eventReason());
            context.challenge(page(context, id.value(),
                    RecoveryConfig.LIMITS.messageKey(limited.get())));
            return;
        }

        UserModel user = context.getSession().users().getUserByUsername(context.getRealm(), id.value());
        String refusal = refusal(context, user);
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        authSession.setAuthNote(RecoveryNotes.ID_KEY, IdAddressLimits.hash(realmId, id.value()));
        authSession.removeAuthNote(RecoveryNotes.CODE_VERIFIED);
        RecoveryNotes.CODE.clear(authSession);
        // Recovery never creates a user session; a chip proof left by an earlier step-up in this browser tab must not
        // count for this recovery (the new-password step reads the chip's note).
        authSession.clearUserSessionNotes();
        if (refusal == null) {
            authSession.setAuthNote(RecoveryNotes.SUBJECT, user.getId());
            RecoveryEvents.EVENTS.step(context.getEvent(), user, "requested");
        } else {
            // Issue #17: the citizen still goes on to the code page, which reads the same for everyone and says where
            // to go when no code arrives; no SMS is sent and no code will ever be accepted.
            authSession.removeAuthNote(RecoveryNotes.SUBJECT);
            RecoveryEvents.EVENTS.refused(context.getEvent(), user, refusal);
        }
        context.success();
    }

    /** Why this account cannot recover here, as an event reason; null when it can. */
    private static String refusal(AuthenticationFlowContext context, UserModel user) {
        if (user == null) {
            return "unknown_id";
        }
        if (!user.isEnabled()) {
            return "disabled";
        }
        if (CitizenProfile.isLockedForCardLoss(user)) {
            return "card_lost_lock";
        }
        if (KcBruteForce.isLocked(context, user)) {
            return "locked";
        }
        if (CitizenProfile.verifiedPhone(user) == null) {
            return "no_verified_phone";
        }
        return null;
    }

    private static Response page(AuthenticationFlowContext context, String value, String errorKey) {
        var form = context.form();
        if (value != null) {
            form.setAttribute("nationalId", value);
        }
        if (errorKey != null) {
            form.addError(new FormMessage(FIELD_ID, errorKey));
        }
        return form.createForm(TEMPLATE);
    }

    @Override
    public boolean requiresUser() {
        return false;
    }
}
