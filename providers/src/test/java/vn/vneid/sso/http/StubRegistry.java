package vn.vneid.sso.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A registry on a real local port for the lookup clients' tests: it answers every request under {@code path} with
 * {@link #status} and, for 200, {@link #record}, and remembers what it was sent.
 */
public final class StubRegistry implements AutoCloseable {

    public final AtomicInteger calls = new AtomicInteger();
    public volatile int status = 200;
    public volatile String record = "{}";
    /** The last request as {@code METHOD /path body}. */
    public volatile String lastRequest;
    public volatile String lastAuthorization;

    private final HttpServer server;
    private final String path;
    private boolean closed;

    public StubRegistry(String path) throws IOException {
        this.path = path;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(path, exchange -> {
            calls.incrementAndGet();
            lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
            lastRequest = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            byte[] body = status == 200 ? record.getBytes(StandardCharsets.UTF_8) : new byte[0];
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** @param userInfo credentials to put in the URL (to check they never reach a message), or null */
    public URI url(String userInfo) {
        return URI.create("http://" + (userInfo == null ? "" : userInfo + "@") + "127.0.0.1:"
                + server.getAddress().getPort() + path);
    }

    /** Stops answering; calling it twice is harmless (a test may stop the registry before the end). */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.stop(0);
        }
    }
}
