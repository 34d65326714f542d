package vn.vneid.sso.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * Where the server's {@code http} SMS gateway delivers during a load run: the code reaches the load generator as it
 * would reach a carrier, over HTTP, not through a file. Keeps the latest code per destination number.
 */
final class SmsSink implements AutoCloseable {

    static {
        // The JDK's HttpServer writes a response's headers and body in two writes with Nagle's algorithm on: the body
        // then waits for the server's delayed ACK, about 40 ms on Linux, and every SMS send of our login (the server
        // waits for the gateway's answer) took that long. A carrier's gateway answers at once; so does the sink. The
        // property is read once, when the JVM's first HttpServer is made.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CODE = Pattern.compile("\\b(\\d{4,8})\\b");

    private final HttpServer server;
    private final Map<String, String> latest = new ConcurrentHashMap<>();

    SmsSink(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 512);
        server.createContext("/sms", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                JsonNode sms = JSON.readTree(body.readAllBytes());
                Matcher code = CODE.matcher(sms.path("text").asText());
                if (code.find()) {
                    latest.put(sms.path("to").asText(), code.group(1));
                }
                byte[] ok = "{\"status\":\"accepted\"}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, ok.length);
                exchange.getResponseBody().write(ok);
            } finally {
                exchange.close();
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    /** Forgets what was sent to a number, so that the next {@link #awaitCode} returns only a new code. */
    void forget(String phone) {
        latest.remove(phone);
    }

    /** The code sent to a number since the last {@link #forget}, taken once; null while none has arrived. */
    String take(String phone) {
        return latest.remove(phone);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
