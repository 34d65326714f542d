package vn.vneid.sso.chip;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

import vn.vneid.sso.card.CardStatus;
import vn.vneid.sso.card.PresentedCard;
import vn.vneid.sso.chip.icao.ChipFailure;
import vn.vneid.sso.profile.CitizenProfile;

/**
 * One "prove it with your chip ID card" exchange inside a login or a required action: a transaction shown as a QR
 * code, answered by the app at {@link ChipAppResource}, then checked here. The level-2 step-up and the phone change
 * both use it; the transaction id lives in the authentication session, so only the code on screen counts.
 * Against a phishing page relaying our QR code, the app shows the service's name and a two-digit number that must
 * match the one on the citizen's screen.
 */
public final class ChipProof {

    static final String TEMPLATE = "vneid-chip-step-up.ftl";
    static final String NOTE_TRANSACTION = "vneid.chip.transaction";
    static final String NOTE_EXPIRES = "vneid.chip.expires";
    static final String NOTE_MATCH = "vneid.chip.match";
    /** What the QR code says: this prefix and the transaction code, nothing else. */
    static final String QR_PREFIX = "vneid://chip-step-up?tx=";

    /** Where the exchange stands when the browser comes back. */
    public enum Status {
        VERIFIED, FAILED, PENDING, EXPIRED
    }

    /**
     * @param method how the chip proved itself (e.g. chip-pa-aa-ecdsa), when verified
     * @param reason the {@link ChipFailure} name, when failed
     * @param card the card the chip proved, when verified (issue #15)
     */
    public record Outcome(Status status, String method, String reason, PresentedCard card) {

        /** The message key that explains a failure to the citizen. */
        public String messageKey() {
            try {
                return ChipFailure.valueOf(reason).messageKey();
            } catch (IllegalArgumentException | NullPointerException e) {
                return "chipUnavailable";
            }
        }
    }

    private final KeycloakSession session;
    private final AuthenticationSessionModel authSession;
    private final Duration ttl;
    private CardStatus cardLock;

    public ChipProof(KeycloakSession session, AuthenticationSessionModel authSession, Duration ttl) {
        this.session = session;
        this.authSession = authSession;
        this.ttl = ttl;
    }

    /** A new transaction for {@code user}, replacing the previous one, shown as a page. */
    public Response newTransactionPage(LoginFormsProvider form, UserModel user, String errorKey) {
        ChipTransactions transactions = new ChipTransactions(session);
        transactions.forget(authSession.getAuthNote(NOTE_TRANSACTION));
        String matchNumber = ChipTransactions.newMatchNumber();
        String transactionId = transactions.create(session.getContext().getRealm().getId(), user.getId(),
                user.getUsername(), user.getFirstAttribute(CitizenProfile.BIRTHDATE), serviceName(), matchNumber,
                ttl);
        authSession.setAuthNote(NOTE_TRANSACTION, transactionId);
        authSession.setAuthNote(NOTE_MATCH, matchNumber);
        authSession.setAuthNote(NOTE_EXPIRES, String.valueOf(Instant.now().plus(ttl).getEpochSecond()));
        return page(form, transactionId, errorKey);
    }

    /**
     * Issue #15: the page also says why level 2 is locked and that the NEW card is the one to read; null when not
     * locked.
     */
    public ChipProof withCardLock(CardStatus lockStatus) {
        this.cardLock = lockStatus;
        return this;
    }

    /** The current transaction's page again, with a message. */
    public Response currentPage(LoginFormsProvider form, String errorKey) {
        return page(form, authSession.getAuthNote(NOTE_TRANSACTION), errorKey);
    }

    public boolean hasTransaction() {
        return authSession.getAuthNote(NOTE_TRANSACTION) != null;
    }

    /**
     * The answer for this user's transaction. A verified or failed outcome is consumed (and the transaction with
     * it); an outcome produced for another account counts as a failure.
     */
    public Outcome check(UserModel user) {
        ChipTransactions transactions = new ChipTransactions(session);
        String transactionId = authSession.getAuthNote(NOTE_TRANSACTION);
        Map<String, String> outcome = transactions.outcome(transactionId);
        if (outcome == null) {
            // Gone before its expiry means the app's answer consumed it and is being verified (its outcome is
            // written when that request commits): keep waiting rather than replace the code under the citizen.
            boolean waiting = transactions.peek(transactionId) != null || !expired();
            return new Outcome(waiting ? Status.PENDING : Status.EXPIRED, null, null, null);
        }
        transactions.forget(transactionId);
        authSession.removeAuthNote(NOTE_TRANSACTION);
        authSession.removeAuthNote(NOTE_EXPIRES);
        authSession.removeAuthNote(NOTE_MATCH);
        if (ChipTransactions.VERIFIED.equals(outcome.get(ChipTransactions.STATUS))
                && user.getId().equals(outcome.get(ChipTransactions.USER))) {
            String issued = outcome.get(ChipTransactions.CARD_ISSUED);
            PresentedCard card = outcome.get(ChipTransactions.CARD_KEY) == null ? null
                    : new PresentedCard(outcome.get(ChipTransactions.CARD_KEY),
                            issued == null || issued.isEmpty() ? null : LocalDate.parse(issued),
                            outcome.get(ChipTransactions.CARD_DOCUMENT));
            return new Outcome(Status.VERIFIED, outcome.get(ChipTransactions.METHOD), null, card);
        }
        return new Outcome(Status.FAILED, null,
                outcome.getOrDefault(ChipTransactions.REASON, ChipFailure.IDENTITY_MISMATCH.name()), null);
    }

    /** The relying party's display name (else its client id), so the app can say where the citizen signs in. */
    private String serviceName() {
        var client = authSession.getClient();
        if (client == null) {
            return "";
        }
        return client.getName() != null && !client.getName().isBlank() ? client.getName() : client.getClientId();
    }

    private boolean expired() {
        try {
            return Instant.now().getEpochSecond() > Long.parseLong(authSession.getAuthNote(NOTE_EXPIRES));
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /**
     * Only the code: the app knows its own server (issue #12). A QR code naming an endpoint would let anyone who
     * copies it point the app, and the citizen's card data, at another host.
     */
    static String qrContent(String transactionId) {
        return QR_PREFIX + transactionId;
    }

    private Response page(LoginFormsProvider form, String transactionId, String errorKey) {
        URI appEndpoint = UriBuilder.fromUri(session.getContext().getUri().getBaseUri())
                .path("realms").path(session.getContext().getRealm().getName())
                .path(ChipAppResourceProviderFactory.PROVIDER_ID).path("transactions").path(transactionId).build();
        String deepLink = qrContent(transactionId);
        String matchNumber = authSession.getAuthNote(NOTE_MATCH);
        form.setAttribute("chipTransaction", transactionId)
                .setAttribute("chipMatchNumber", matchNumber == null ? "" : matchNumber)
                .setAttribute("chipQr", QrCode.svgDataUri(deepLink))
                .setAttribute("chipStatusUrl", appEndpoint + "/status")
                .setAttribute("chipTtlSeconds", ttl.toSeconds());
        if (cardLock != null) {
            form.setAttribute("cardLock", cardLock.name()).setAttribute("cardLockReasonKey", cardLock.messageKey());
        }
        if (errorKey != null) {
            form.addError(new FormMessage(null, errorKey));
        }
        return form.createForm(TEMPLATE);
    }
}
