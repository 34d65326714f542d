package vn.vneid.sso.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared lookup client against a real local HTTP server. */
class JsonLookupClientTest {

    private HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private volatile int status = 200;
    private volatile String record = "{\"name\":\"Hòa\"}";
    private final CircuitBreakerTest.ManualClock clock = new CircuitBreakerTest.ManualClock();

    @BeforeEach
    void startRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/records", exchange -> {
            calls.incrementAndGet();
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = status == 200 ? record.getBytes(StandardCharsets.UTF_8) : new byte[0];
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopRegistry() {
        server.stop(0);
    }

    private URI url() {
        return URI.create("http://user:s3cret@127.0.0.1:" + server.getAddress().getPort() + "/records/1");
    }

    private JsonLookupClient client(String authorization, int retries, CircuitBreaker breaker) {
        return new JsonLookupClient(new LookupSettings(url(), authorization, Duration.ofSeconds(5),
                Duration.ofSeconds(10), retries, Duration.ZERO, 1000, Duration.ofSeconds(30)), breaker);
    }

    private JsonLookupClient client(int retries) {
        return client(null, retries, new CircuitBreaker(1000, Duration.ofSeconds(30), clock));
    }

    private Optional<String> name(JsonLookupClient client) throws LookupUnavailableException {
        return client.lookup(client.request(url()).GET().build(), JsonLookupClientTest::nameOf);
    }

    private static String nameOf(JsonNode node) {
        if (!node.hasNonNull("name")) {
            throw new IllegalArgumentException("no name");
        }
        return node.get("name").asText();
    }

    @Test
    void readsTheRecordAndSendsTheCredentials() throws Exception {
        JsonLookupClient client = client("Bearer abc", 0, new CircuitBreaker(3, Duration.ofSeconds(30), clock));
        assertThat(name(client)).contains("Hòa");
        assertThat(authorization.get()).isEqualTo("Bearer abc");
    }

    @Test
    void aBlankAuthorizationSendsNoHeader() throws Exception {
        JsonLookupClient client = client(" ", 0, new CircuitBreaker(3, Duration.ofSeconds(30), clock));
        name(client);
        assertThat(authorization.get()).isNull();
    }

    @Test
    void notFoundIsEmptyAndNotRetried() throws Exception {
        status = 404;
        assertThat(name(client(2))).isEmpty();
        assertThat(calls).hasValue(1);
    }

    @Test
    void serverErrorsAndTooManyRequestsAreRetriedWithinTheBound() {
        status = 503;
        assertThatThrownBy(() -> name(client(2))).isInstanceOf(LookupUnavailableException.class)
                .hasMessage("failed: HTTP 503");
        assertThat(calls).hasValue(3);
        status = 429;
        assertThatThrownBy(() -> name(client(1))).hasMessage("failed: HTTP 429");
        assertThat(calls).hasValue(5);
    }

    @Test
    void aClientErrorIsNotRetried() {
        status = 400;
        assertThatThrownBy(() -> name(client(3))).hasMessage("failed: HTTP 400");
        assertThat(calls).hasValue(1);
    }

    @Test
    void aNetworkErrorNamesNoUrl() {
        server.stop(0);
        assertThatThrownBy(() -> name(client(1))).isInstanceOf(LookupUnavailableException.class)
                .hasMessageStartingWith("failed: ").hasMessageNotContaining("s3cret")
                .hasMessageNotContaining("127.0.0.1");
    }

    @Test
    void unreadableRecordsAreFailuresThatOpenTheBreaker() throws Exception {
        JsonLookupClient client = client(null, 0, new CircuitBreaker(2, Duration.ofSeconds(30), clock));
        record = "not json";
        assertThatThrownBy(() -> name(client)).hasMessageStartingWith("unreadable record");
        record = "{\"other\":1}";
        assertThatThrownBy(() -> name(client)).hasMessage("unreadable record (IllegalArgumentException)");
        record = "{\"name\":\"Hòa\"}";
        assertThatThrownBy(() -> name(client)).hasMessage("circuit open");
        assertThat(calls).as("an open breaker calls nobody").hasValue(2);
        clock.now = clock.now.plusSeconds(31);
        assertThat(name(client)).as("the trial after the pause closes the breaker").contains("Hòa");
    }
}
