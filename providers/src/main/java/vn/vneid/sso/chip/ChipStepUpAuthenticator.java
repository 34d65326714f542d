package vn.vneid.sso.chip;

import java.time.Instant;
import java.util.Locale;

import jakarta.ws.rs.core.MultivaluedMap;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.UserModel;

import vn.vneid.sso.card.CardAccount;
import vn.vneid.sso.card.CardEvents;
import vn.vneid.sso.card.CardRules;
import vn.vneid.sso.card.CardState;
import vn.vneid.sso.card.PresentedCard;
import vn.vneid.sso.chip.icao.ChipFailure;
import vn.vneid.sso.kc.KcBruteForce;
import vn.vneid.sso.profile.CitizenProfile;
import vn.vneid.sso.kc.AlwaysConfiguredAuthenticator;

/**
 * Level-2 step-up with the CCCD chip. The page shows a transaction as a QR code; the citizen's app reads the card
 * and posts the chip data to {@link ChipAppResource}, which verifies it; the browser then continues (by polling or
 * by the button) and this step succeeds when the verified chip belonged to this account. Only level-2 accounts
 * (enrolled in person with the card) can pass; others are told how to become level 2.
 */
public final class ChipStepUpAuthenticator implements AlwaysConfiguredAuthenticator {

    static final String LEVEL_ONE_TEMPLATE = "vneid-chip-level1.ftl";
    /** Also the user-session note that a chip proved this authentication (the recovery checks it, issue #17). */
    public static final String EVENT_METHOD = "vneid_level2_method";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (!CitizenProfile.isLevelTwo(context.getUser())) {
            context.getEvent().user(context.getUser()).error("vneid_not_level2");
            context.challenge(context.form().createForm(LEVEL_ONE_TEMPLATE));
            return;
        }
        context.challenge(proof(context).newTransactionPage(context.form(), context.getUser(), null));
    }

    /**
     * Issue #15: the verified chip must also be a card the police have not reported. A new card of the same person
     * binds itself (and clears a card status lock); a card never seen before on an account bound before card keys
     * were recorded is recorded now.
     *
     * @return null when the card may prove level 2, else the refusal
     */
    private static ChipFailure checkCard(AuthenticationFlowContext context, UserModel user, PresentedCard card) {
        CardState state = CardAccount.state(user);
        if (card == null) {
            // An outcome written before this version: it says nothing of the card, so it cannot unlock.
            return state.locked() ? ChipFailure.CARD_NOT_NEW : null;
        }
        CardRules.ChipVerdict verdict = CardRules.onChip(state, card);
        if (!verdict.passes()) {
            return CardFailures.of(verdict);
        }
        if (verdict == CardRules.ChipVerdict.ACCEPT) {
            return null;
        }
        CardAccount.bind(user, card, Instant.now(), verdict == CardRules.ChipVerdict.UNLOCK);
        EventBuilder event = context.getEvent().clone().event(EventType.UPDATE_PROFILE).user(user)
                .detail(CardEvents.DETAIL, verdict.name().toLowerCase(Locale.ROOT));
        if (verdict == CardRules.ChipVerdict.UNLOCK) {
            event.detail(CardEvents.STATUS, state.lockStatus().name());
        }
        event.success();
        return null;
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey("cancel")) {
            context.cancelLogin();
            return;
        }
        UserModel user = context.getUser();
        if (!CitizenProfile.isLevelTwo(user)) {
            context.challenge(context.form().createForm(LEVEL_ONE_TEMPLATE));
            return;
        }
        ChipProof proof = proof(context);
        if (form.containsKey("renew") || !proof.hasTransaction()) {
            context.challenge(proof.newTransactionPage(context.form(), user, null));
            return;
        }
        ChipProof.Outcome outcome = proof.check(user);
        switch (outcome.status()) {
            case VERIFIED:
                ChipFailure refused = checkCard(context, user, outcome.card());
                if (refused != null) {
                    context.getEvent().user(user).detail("reason", refused.name()).error(CardEvents.REFUSED);
                    context.challenge(proof.newTransactionPage(context.form(), user, refused.messageKey()));
                    return;
                }
                context.getEvent().detail(EVENT_METHOD, outcome.method());
                context.getAuthenticationSession().setUserSessionNote(EVENT_METHOD, outcome.method());
                context.success();
                return;
            case PENDING:
                context.challenge(proof.currentPage(context.form(), "vneidChipNotYetApproved"));
                return;
            case EXPIRED:
                context.challenge(proof.newTransactionPage(context.form(), user, "chipTransactionExpired"));
                return;
            case FAILED:
            default:
                context.getEvent().user(user).detail("reason", outcome.reason()).error(Errors.INVALID_USER_CREDENTIALS);
                KcBruteForce.recordSecondFactorFailure(context, user);
                context.challenge(proof.newTransactionPage(context.form(), user, outcome.messageKey()));
        }
    }

    private static ChipProof proof(AuthenticationFlowContext context) {
        // Locked (issue #15): the same page says why and asks for the new card; the old one is refused by the app API.
        return new ChipProof(context.getSession(), context.getAuthenticationSession(),
                ChipStepUpConfig.of(context.getAuthenticatorConfig()).transactionTtl())
                .withCardLock(CardAccount.lockStatus(context.getUser()));
    }

    @Override
    public boolean requiresUser() {
        return true;
    }
}
