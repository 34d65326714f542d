package vn.vneid.sso.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared lookup client against a real local HTTP server. */
class JsonLookupClientTest {

    private StubRegistry registry;
    private final CircuitBreakerTest.ManualClock clock = new CircuitBreakerTest.ManualClock();

    @BeforeEach
    void startRegistry() throws IOException {
        registry = new StubRegistry("/records");
        registry.record = "{\"name\":\"Hòa\"}";
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    private URI url() {
        return URI.create(registry.url("user:s3cret") + "/1");
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
        assertThat(registry.lastAuthorization).isEqualTo("Bearer abc");
    }

    @Test
    void aBlankAuthorizationSendsNoHeader() throws Exception {
        JsonLookupClient client = client(" ", 0, new CircuitBreaker(3, Duration.ofSeconds(30), clock));
        name(client);
        assertThat(registry.lastAuthorization).isNull();
    }

    @Test
    void notFoundIsEmptyAndNotRetried() throws Exception {
        registry.status = 404;
        assertThat(name(client(2))).isEmpty();
        assertThat(registry.calls).hasValue(1);
    }

    @Test
    void serverErrorsAndTooManyRequestsAreRetriedWithinTheBound() {
        registry.status = 503;
        assertThatThrownBy(() -> name(client(2))).isInstanceOf(LookupUnavailableException.class)
                .hasMessage("failed: HTTP 503");
        assertThat(registry.calls).hasValue(3);
        registry.status = 429;
        assertThatThrownBy(() -> name(client(1))).hasMessage("failed: HTTP 429");
        assertThat(registry.calls).hasValue(5);
    }

    @Test
    void aClientErrorIsNotRetried() {
        registry.status = 400;
        assertThatThrownBy(() -> name(client(3))).hasMessage("failed: HTTP 400");
        assertThat(registry.calls).hasValue(1);
    }

    @Test
    void aNetworkErrorNamesNoUrl() {
        registry.close();
        assertThatThrownBy(() -> name(client(1))).isInstanceOf(LookupUnavailableException.class)
                .hasMessageStartingWith("failed: ").hasMessageNotContaining("s3cret")
                .hasMessageNotContaining("127.0.0.1");
    }

    @Test
    void unreadableRecordsAreFailuresThatOpenTheBreaker() throws Exception {
        JsonLookupClient client = client(null, 0, new CircuitBreaker(2, Duration.ofSeconds(30), clock));
        registry.record = "not json";
        assertThatThrownBy(() -> name(client)).hasMessageStartingWith("unreadable record");
        registry.record = "{\"other\":1}";
        assertThatThrownBy(() -> name(client)).hasMessage("unreadable record (IllegalArgumentException)");
        registry.record = "{\"name\":\"Hòa\"}";
        assertThatThrownBy(() -> name(client)).hasMessage("circuit open");
        assertThat(registry.calls).as("an open breaker calls nobody").hasValue(2);
        clock.now = clock.now.plusSeconds(31);
        assertThat(name(client)).as("the trial after the pause closes the breaker").contains("Hòa");
    }
}
