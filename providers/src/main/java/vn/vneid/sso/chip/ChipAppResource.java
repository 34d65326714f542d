package vn.vneid.sso.chip;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.util.JsonSerialization;

import vn.vneid.sso.chip.icao.ChipData;
import vn.vneid.sso.chip.icao.ChipFailure;
import vn.vneid.sso.chip.icao.ChipVerificationException;
import vn.vneid.sso.chip.icao.ChipVerifier;
import vn.vneid.sso.chip.icao.VerifiedChip;
import vn.vneid.sso.card.CardAccount;
import vn.vneid.sso.card.CardRules;
import vn.vneid.sso.card.PresentedCard;
import vn.vneid.sso.kc.KcJsonErrors;

/**
 * The app's side of chip step-up, under {@code /realms/{realm}/vneid-chip}. The app reads the challenge of the
 * transaction shown as a QR code, reads the card over NFC, and posts the chip data with the chip's signature over
 * the challenge (and DG14 when the chip has one: an ECDSA chip declares its hash there). Errors are JSON ({@code error}, {@code error_description}), never a stack trace.
 */
public final class ChipAppResource {

    /** A CCCD's SOD, DG1, DG13 and DG15 in base64 fit well under this; anything larger is refused unread. */
    static final int MAX_BODY_BYTES = 128 * 1024;
    private static final Duration OUTCOME_TTL = Duration.ofMinutes(10);
    private static final Logger LOG = Logger.getLogger(ChipAppResource.class);

    private final KeycloakSession session;
    private final CscaTrustStores trustStores;

    ChipAppResource(KeycloakSession session, CscaTrustStores trustStores) {
        this.session = session;
        this.trustStores = trustStores;
    }

    @GET
    @Path("transactions/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response challenge(@PathParam("id") String id) {
        Map<String, String> transaction = new ChipTransactions(session).peek(id);
        if (transaction == null || !realm().getId().equals(transaction.get(ChipTransactions.REALM))) {
            return error(404, "unknown_transaction", "chipTransactionUnknown");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("challenge", transaction.get(ChipTransactions.CHALLENGE));
        body.put("expiresAt", Long.parseLong(transaction.get(ChipTransactions.EXPIRES_AT)));
        // Shown by the app before the card is read: where the citizen is signing in, and the number on that screen.
        body.put("service", transaction.getOrDefault(ChipTransactions.SERVICE, ""));
        body.put("matchNumber", transaction.getOrDefault(ChipTransactions.MATCH_NUMBER, ""));
        return Response.ok(body).build();
    }

    @GET
    @Path("transactions/{id}/status")
    @Produces(MediaType.APPLICATION_JSON)
    public Response status(@PathParam("id") String id) {
        ChipTransactions transactions = new ChipTransactions(session);
        Map<String, String> outcome = transactions.outcome(id);
        String status = outcome != null ? outcome.get(ChipTransactions.STATUS)
                : transactions.peek(id) != null ? "pending" : "expired";
        return Response.ok(Map.of("status", status)).build();
    }

    // No @Consumes: a wrong Content-Type still gets our JSON error, not the framework's HTML 415.
    @POST
    @Path("transactions/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response submit(@PathParam("id") String id, InputStream body) {
        JsonNode json;
        ChipData data;
        try {
            byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                return error(413, ChipFailure.OVERSIZED);
            }
            json = JsonSerialization.readValue(bytes, JsonNode.class);
            data = new ChipData(binary(json, "sod"), binary(json, "dg1"), binary(json, "dg13"),
                    json.hasNonNull("dg14") ? binary(json, "dg14") : null, binary(json, "dg15"),
                    binary(json, "aaSignature"));
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            return error(400, ChipFailure.MALFORMED);
        }

        ChipTransactions transactions = new ChipTransactions(session);
        RealmModel realm = realm();
        Map<String, String> peeked = transactions.peek(id);
        if (peeked != null && !realm.getId().equals(peeked.get(ChipTransactions.REALM))) {
            // Another realm's transaction: refuse without consuming it.
            return error(404, "unknown_transaction", "chipTransactionUnknown");
        }
        Map<String, String> transaction = transactions.consume(id);
        if (transaction == null) {
            // Used once already: the outcome is still there. Otherwise it expired or never existed.
            return transactions.outcome(id) != null
                    ? error(409, ChipFailure.CHALLENGE_REPLAYED)
                    : error(404, "unknown_transaction", "chipTransactionUnknown");
        }
        Map<String, String> outcome = new LinkedHashMap<>();
        outcome.put(ChipTransactions.USER, transaction.get(ChipTransactions.USER));
        try {
            ChipVerifier verifier = new ChipVerifier(trustStores.current(), Clock.systemUTC(),
                    ChipRealmSettings.algorithmPolicy(realm), ChipRealmSettings.acceptedIssuingStates(realm));
            VerifiedChip chip = verifier.verify(data, ChipTransactions.challenge(transaction),
                    transaction.get(ChipTransactions.NATIONAL_ID),
                    birthDate(transaction.get(ChipTransactions.BIRTH_DATE)));
            PresentedCard card = presented(chip);
            ChipFailure refused = cardRefusal(realm, transaction.get(ChipTransactions.USER), card);
            if (refused != null) {
                throw new ChipVerificationException(refused, "card status");
            }
            outcome.put(ChipTransactions.STATUS, ChipTransactions.VERIFIED);
            outcome.put(ChipTransactions.METHOD, chip.method());
            outcome.put(ChipTransactions.CARD_KEY, card.key());
            outcome.put(ChipTransactions.CARD_ISSUED, card.issueDate() == null ? "" : card.issueDate().toString());
            outcome.put(ChipTransactions.CARD_DOCUMENT, card.documentNumber());
            transactions.recordOutcome(id, outcome, OUTCOME_TTL);
            return Response.ok(Map.of("status", ChipTransactions.VERIFIED)).build();
        } catch (ChipVerificationException e) {
            LOG.debugf("chip step-up refused in realm %s: %s", realm.getName(), e.getMessage());
            outcome.put(ChipTransactions.STATUS, ChipTransactions.FAILED);
            outcome.put(ChipTransactions.REASON, e.failure().name());
            transactions.recordOutcome(id, outcome, OUTCOME_TTL);
            return error(422, e.failure());
        } catch (IOException e) {
            LOG.errorf("chip step-up unavailable in realm %s: %s", realm.getName(), e.getMessage());
            transactions.recordOutcome(id, Map.of(ChipTransactions.STATUS, ChipTransactions.FAILED,
                    ChipTransactions.REASON, "UNAVAILABLE"), OUTCOME_TTL);
            return error(503, "unavailable", "chipUnavailable");
        }
    }

    static PresentedCard presented(VerifiedChip chip) {
        return new PresentedCard(chip.keyFingerprint(), chip.identity().issueDate(), chip.mrz().documentNumber());
    }

    /**
     * Issue #15: a genuine chip of the right citizen may still be a card the police reported, or not provably the new
     * one. The app is told here, in its own words; the browser side decides again when it continues.
     */
    private ChipFailure cardRefusal(RealmModel realm, String userId, PresentedCard card) {
        UserModel user = userId == null ? null : session.users().getUserById(realm, userId);
        if (user == null) {
            return ChipFailure.IDENTITY_MISMATCH;
        }
        CardRules.ChipVerdict verdict = CardRules.onChip(CardAccount.state(user), card);
        return verdict.passes() ? null : CardFailures.of(verdict);
    }

    private static byte[] binary(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("missing " + field);
        }
        // Line breaks are tolerated (some encoders wrap); any other non-base64 character is an error.
        return Base64.getDecoder().decode(value.asText().replaceAll("\\s", ""));
    }

    private static LocalDate birthDate(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private RealmModel realm() {
        return session.getContext().getRealm();
    }

    private Response error(int status, ChipFailure failure) {
        return error(status, failure.code(), failure.messageKey());
    }

    /** The description is in the app's language (Accept-Language), from the same bundles as the pages. */
    private Response error(int status, String code, String messageKey) {
        return KcJsonErrors.error(session, null, status, code, messageKey);
    }
}
