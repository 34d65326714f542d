package vn.vneid.sso.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The reverse proxy in front of the cluster's nodes, as nginx is in docker/: one address for browsers and relying
 * parties (so one issuer and one cookie origin), X-Forwarded-* headers for the nodes (started with
 * {@code --proxy-headers=xforwarded}), and every request to the node the test routes to. When that node refuses
 * the connection (killed), the request goes to the next node, as a proxy's health check would do; nothing was sent
 * to the dead node, so even a POST is safe to pass on. Counts which node served what, so that a test can show it.
 */
public final class Balancer implements AutoCloseable {

    // Hop-by-hop headers and those Java's HttpClient sets itself.
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection", "date");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(16);
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final List<String> names;
    private final Map<String, URI> nodes;
    private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();
    private volatile String route;

    /** @param nodes node name to its direct address, in failover order */
    public Balancer(Map<String, URI> nodes, List<String> order) {
        this.nodes = Map.copyOf(nodes);
        this.names = List.copyOf(order);
        this.route = order.get(0);
        order.forEach(name -> served.put(name, new AtomicInteger()));
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::forward);
        server.setExecutor(executor);
        server.start();
    }

    /** The address browsers and clients use: "localhost" like the single-node suite (Browser's secure context). */
    public URI uri() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    /** Sends every following request to {@code node} (the next one if it is down). */
    public void routeTo(String node) {
        if (!nodes.containsKey(node)) {
            throw new IllegalArgumentException(node);
        }
        route = node;
    }

    /** How many requests {@code node} answered so far. */
    public int served(String node) {
        return served.get(node).get();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            String host = exchange.getRequestHeaders().getFirst("Host");
            String pathAndQuery = exchange.getRequestURI().toString();
            List<String> tried = new ArrayList<>();
            int first = names.indexOf(route);
            for (int i = 0; i < names.size(); i++) {
                String node = names.get((first + i) % names.size());
                tried.add(node);
                HttpRequest.Builder request = HttpRequest.newBuilder(nodes.get(node).resolve(pathAndQuery))
                        .timeout(Duration.ofSeconds(120))
                        .method(exchange.getRequestMethod(), body.length == 0
                                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
                exchange.getRequestHeaders().forEach((name, values) -> {
                    if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.toLowerCase().startsWith("x-forwarded-")) {
                        values.forEach(value -> request.header(name, value));
                    }
                });
                request.header("X-Forwarded-For", exchange.getRemoteAddress().getAddress().getHostAddress())
                        .header("X-Forwarded-Proto", "http")
                        .header("X-Forwarded-Host", host)
                        .header("X-Forwarded-Port", String.valueOf(server.getAddress().getPort()));
                HttpResponse<byte[]> response;
                try {
                    response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                } catch (ConnectException | HttpConnectTimeoutException e) {
                    continue;
                } catch (IOException e) {
                    // A pooled connection to a node killed since: pass the request on only if the node is gone.
                    // A node being killed may accept connections for a moment longer: give it time to go.
                    boolean up = listening(nodes.get(node));
                    for (int wait = 0; up && wait < 20; wait++) {
                        pause();
                        up = listening(nodes.get(node));
                    }
                    // Said on the test's output: a failure here shows only as an empty reply to the browser.
                    System.err.printf("balancer: %s %s to node %s failed (%s), node %s%n", exchange.getRequestMethod(),
                            exchange.getRequestURI().getPath(), node, e, up ? "still listening" : "gone");
                    if (up) {
                        throw e;
                    }
                    continue;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                served.get(node).incrementAndGet();
                respond(exchange, response);
                return;
            }
            byte[] message = ("no node answered: " + tried).getBytes();
            exchange.sendResponseHeaders(502, message.length);
            exchange.getResponseBody().write(message);
        }
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static boolean listening(URI node) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(node.getHost(), node.getPort()), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void respond(HttpExchange exchange, HttpResponse<byte[]> response) throws IOException {
        response.headers().map().forEach((name, values) -> {
            if (!NOT_FORWARDED.contains(name.toLowerCase()) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        byte[] body = response.body();
        boolean noBody = body.length == 0 || "HEAD".equals(exchange.getRequestMethod())
                || response.statusCode() == 204 || response.statusCode() == 304;
        exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
