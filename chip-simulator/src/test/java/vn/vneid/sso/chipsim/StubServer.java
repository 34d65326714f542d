package vn.vneid.sso.chipsim;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A stand-in for the server's transaction endpoint: hands out a challenge and records the answers. */
final class StubServer implements AutoCloseable {

    record Request(String method, String path, String contentType, String body) {
    }

    /** Shaped like the server's codes (22 base64url characters), since the app refuses anything else from a QR. */
    static final String TX = "tx1-AAAAAAAAAAAAAAAAAA";
    static final String TX_PATH = "/realms/vneid/vneid-chip/transactions/" + TX;
    static final byte[] CHALLENGE = {(byte) 0xFB, (byte) 0xFF, 0x10, 0x20, 0x30, 0x40, 0x50, (byte) 0xEE};

    final List<Request> requests = new ArrayList<>();
    private final HttpServer server;

    StubServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        synchronized (requests) {
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body));
        }
        if (!exchange.getRequestURI().getRawPath().equals(TX_PATH)) {
            reply(exchange, 404, "{\"error\":\"unknown transaction\"}");
        } else if (exchange.getRequestMethod().equals("GET")) {
            String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(CHALLENGE);
            reply(exchange, 200, "{\"transactionId\":\"tx-1\", \"challenge\" : \"" + challenge + "\",\"expiresIn\":120}");
        } else {
            reply(exchange, 200, "{\"status\":\"approved\"}");
        }
    }

    private static void reply(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
