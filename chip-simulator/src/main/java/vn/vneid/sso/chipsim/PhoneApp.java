package vn.vneid.sso.chipsim;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The citizen's phone app: reads the transaction's challenge, lets the chip answer it, and sends the chip's
 * data to {@code {serverBase}/realms/{realm}/vneid-chip/transactions/{transactionId}}.
 *
 * <p>The app knows its own server: the QR code on the login page carries only the transaction code
 * ({@code vneid://chip-step-up?tx=...}, issue #12), so a copied or forged QR code cannot point the app, and the
 * citizen's card data, at another host.
 */
public final class PhoneApp {

    /** What the server answered. */
    public record Response(int status, String body) {
        public boolean isSuccess() {
            return status / 100 == 2;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** The scheme and host of the QR code the login page shows. */
    public static final String QR_PREFIX = "vneid://chip-step-up?tx=";

    private final HttpClient http;

    public PhoneApp() {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    public PhoneApp(HttpClient http) {
        this.http = http;
    }

    /**
     * The transaction code of a scanned QR code, or the code itself when typed. Anything else in the QR code (an
     * endpoint, another parameter) is refused rather than ignored: the app only ever talks to its configured server.
     */
    public static String transactionCode(String scanned) {
        String value = scanned.strip();
        if (value.startsWith(QR_PREFIX)) {
            value = value.substring(QR_PREFIX.length());
        }
        if (!value.matches("[A-Za-z0-9_-]{22}")) {
            throw new IllegalArgumentException("not a VNeID chip step-up code: " + scanned);
        }
        return value;
    }

    /** Scan, read the card, answer: the server and realm are the app's own configuration. */
    public Response approveScanned(URI configuredServer, String configuredRealm, String scannedQr, ChipCard card)
            throws IOException, InterruptedException {
        return approve(configuredServer, configuredRealm, transactionCode(scannedQr), card);
    }

    /**
     * GET the challenge, then POST the chip's answer. A failed GET (unknown or expired transaction) is returned
     * as is, without a POST.
     */
    public Response approve(URI serverBase, String realm, String transactionId, ChipCard card)
            throws IOException, InterruptedException {
        URI uri = transactionUri(serverBase, realm, transactionId);
        Response get = send(HttpRequest.newBuilder(uri).GET());
        if (!get.isSuccess()) {
            return get;
        }
        return submit(uri, card, challenge(get.body()));
    }

    /**
     * POST an answer whose Active Authentication signs {@code signedChallenge}: the real challenge, or another
     * one for tests of a replayed or wrong answer.
     */
    public Response submit(URI serverBase, String realm, String transactionId, ChipCard card, byte[] signedChallenge)
            throws IOException, InterruptedException {
        return submit(transactionUri(serverBase, realm, transactionId), card, signedChallenge);
    }

    /** The challenge of a transaction (8 bytes, sent base64url without padding). */
    public byte[] fetchChallenge(URI serverBase, String realm, String transactionId)
            throws IOException, InterruptedException {
        Response get = send(HttpRequest.newBuilder(transactionUri(serverBase, realm, transactionId)).GET());
        if (!get.isSuccess()) {
            throw new IOException("GET transaction: HTTP " + get.status() + " " + get.body());
        }
        return challenge(get.body());
    }

    /** The POST body: standard base64 (with padding) of each binary field. */
    public static String answerJson(ChipCard card, byte[] aaSignature) {
        Base64.Encoder b64 = Base64.getEncoder();
        Map<String, String> members = new LinkedHashMap<>();
        members.put("sod", b64.encodeToString(card.sod()));
        members.put("dg1", b64.encodeToString(card.dg1()));
        members.put("dg13", b64.encodeToString(card.dg13()));
        if (card.dg14() != null) {
            members.put("dg14", b64.encodeToString(card.dg14()));
        }
        members.put("dg15", b64.encodeToString(card.dg15()));
        members.put("aaSignature", b64.encodeToString(aaSignature));
        return Json.object(members);
    }

    public static URI transactionUri(URI serverBase, String realm, String transactionId) {
        String base = serverBase.toString().replaceAll("/+$", "");
        return URI.create(base + "/realms/" + pathSegment(realm) + "/vneid-chip/transactions/"
                + pathSegment(transactionId));
    }

    private Response submit(URI uri, ChipCard card, byte[] signedChallenge) throws IOException, InterruptedException {
        String body = answerJson(card, card.signChallenge(signedChallenge));
        return send(HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("Accept", "application/json").timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(response.statusCode(), response.body());
    }

    static byte[] challenge(String json) throws IOException {
        String challenge = Json.base64Member(json, "challenge")
                .orElseThrow(() -> new IOException("no \"challenge\" in the transaction: " + json));
        try {
            return Base64.getUrlDecoder().decode(challenge);
        } catch (IllegalArgumentException e) {
            throw new IOException("the challenge is not base64url: " + challenge, e);
        }
    }

    // Percent-encodes everything but RFC 3986 unreserved characters, so an odd ID cannot change the path.
    private static String pathSegment(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return out.toString();
    }
}
