package vn.vneid.sso.chip;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.Authenticator;
import org.keycloak.events.Errors;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;

import vn.vneid.sso.chip.icao.ChipFailure;
import vn.vneid.sso.kc.KcBruteForce;

/**
 * Level-2 step-up with the CCCD chip. The page shows a transaction as a QR code; the citizen's app reads the card
 * and posts the chip data to {@link ChipAppResource}, which verifies it; the browser then continues (by polling or
 * by the button) and this step succeeds when the verified chip belonged to this account. Only level-2 accounts
 * (enrolled in person with the card) can pass; others are told how to become level 2.
 */
final class ChipStepUpAuthenticator implements Authenticator {

    static final String TEMPLATE = "vneid-chip-step-up.ftl";
    static final String LEVEL_ONE_TEMPLATE = "vneid-chip-level1.ftl";
    static final String ATTR_LEVEL = "vneidLevel";
    static final String ATTR_BIRTHDATE = "birthdate";
    static final String NOTE_TRANSACTION = "vneid.chip.transaction";
    static final String NOTE_EXPIRES = "vneid.chip.expires";
    static final String EVENT_METHOD = "vneid_level2_method";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (!isLevelTwo(context.getUser())) {
            context.getEvent().user(context.getUser()).error("vneid_not_level2");
            context.challenge(context.form().createForm(LEVEL_ONE_TEMPLATE));
            return;
        }
        context.challenge(newTransactionPage(context, ChipStepUpConfig.of(context.getAuthenticatorConfig()), null));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        if (form.containsKey("cancel")) {
            context.cancelLogin();
            return;
        }
        UserModel user = context.getUser();
        if (!isLevelTwo(user)) {
            context.challenge(context.form().createForm(LEVEL_ONE_TEMPLATE));
            return;
        }
        ChipStepUpConfig config = ChipStepUpConfig.of(context.getAuthenticatorConfig());
        ChipTransactions transactions = new ChipTransactions(context.getSession());
        String transactionId = context.getAuthenticationSession().getAuthNote(NOTE_TRANSACTION);
        if (form.containsKey("renew") || transactionId == null) {
            context.challenge(newTransactionPage(context, config, null));
            return;
        }
        Map<String, String> outcome = transactions.outcome(transactionId);
        if (outcome == null) {
            // Gone before its expiry means the app's answer consumed it and is being verified (its outcome is
            // written when that request commits): keep waiting rather than replace the code under the citizen.
            if (transactions.peek(transactionId) != null || !expired(context)) {
                context.challenge(page(context, config, transactionId, "vneidChipNotYetApproved"));
            } else {
                context.challenge(newTransactionPage(context, config, "chipTransactionExpired"));
            }
            return;
        }
        transactions.forget(transactionId);
        context.getAuthenticationSession().removeAuthNote(NOTE_TRANSACTION);
        if (ChipTransactions.VERIFIED.equals(outcome.get(ChipTransactions.STATUS))
                && user.getId().equals(outcome.get(ChipTransactions.USER))) {
            context.getEvent().detail(EVENT_METHOD, outcome.get(ChipTransactions.METHOD));
            context.getAuthenticationSession().setUserSessionNote(EVENT_METHOD, outcome.get(ChipTransactions.METHOD));
            context.success();
            return;
        }
        String reason = outcome.getOrDefault(ChipTransactions.REASON, ChipFailure.MALFORMED.name());
        context.getEvent().user(user).detail("reason", reason).error(Errors.INVALID_USER_CREDENTIALS);
        KcBruteForce.recordSecondFactorFailure(context, user);
        context.challenge(newTransactionPage(context, config, messageKey(reason)));
    }

    /** A new transaction replaces the previous one of this login, so that only the code on screen can be used. */
    private Response newTransactionPage(AuthenticationFlowContext context, ChipStepUpConfig config, String errorKey) {
        UserModel user = context.getUser();
        ChipTransactions transactions = new ChipTransactions(context.getSession());
        transactions.forget(context.getAuthenticationSession().getAuthNote(NOTE_TRANSACTION));
        String transactionId = transactions.create(context.getRealm().getId(),
                user.getId(), user.getUsername(), user.getFirstAttribute(ATTR_BIRTHDATE), config.transactionTtl());
        context.getAuthenticationSession().setAuthNote(NOTE_TRANSACTION, transactionId);
        context.getAuthenticationSession().setAuthNote(NOTE_EXPIRES,
                String.valueOf(Instant.now().plus(config.transactionTtl()).getEpochSecond()));
        return page(context, config, transactionId, errorKey);
    }

    private Response page(AuthenticationFlowContext context, ChipStepUpConfig config, String transactionId,
            String errorKey) {
        URI realmBase = UriBuilder.fromUri(context.getUriInfo().getBaseUri())
                .path("realms").path(context.getRealm().getName()).build();
        URI appEndpoint = UriBuilder.fromUri(realmBase).path(ChipAppResourceProviderFactory.PROVIDER_ID)
                .path("transactions").path(transactionId).build();
        String deepLink = "vneid://chip-step-up?tx=" + transactionId + "&endpoint=" + appEndpoint;
        var form = context.form()
                .setAttribute("chipTransaction", transactionId)
                .setAttribute("chipQr", QrCode.svgDataUri(deepLink))
                .setAttribute("chipStatusUrl", appEndpoint + "/status")
                .setAttribute("chipTtlSeconds", config.transactionTtl().toSeconds());
        if (errorKey != null) {
            form.addError(new FormMessage(null, errorKey));
        }
        return form.createForm(TEMPLATE);
    }

    private static boolean expired(AuthenticationFlowContext context) {
        try {
            return Instant.now().getEpochSecond()
                    > Long.parseLong(context.getAuthenticationSession().getAuthNote(NOTE_EXPIRES));
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static String messageKey(String reason) {
        try {
            return ChipFailure.valueOf(reason).messageKey();
        } catch (IllegalArgumentException e) {
            return "chipUnavailable";
        }
    }

    static boolean isLevelTwo(UserModel user) {
        return user != null && "2".equals(user.getFirstAttribute(ATTR_LEVEL));
    }

    @Override
    public boolean requiresUser() {
        return true;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }

    @Override
    public void setRequiredActions(KeycloakSession session, RealmModel realm, UserModel user) {
    }

    @Override
    public void close() {
    }
}
