package vn.vneid.sso.phone.registry.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.vneid.sso.http.CircuitBreaker;
import vn.vneid.sso.http.LookupSettings;
import vn.vneid.sso.http.StubRegistry;
import vn.vneid.sso.phone.PhoneNumber;
import vn.vneid.sso.phone.registry.RegistryUnavailableException;

/** The registry client against a real local HTTP server that answers with records we did not expect. */
class HttpSubscriberClientTest {

    private StubRegistry registry;

    // The clock stands still: once open, the breaker stays open for the whole test.
    private final CircuitBreaker breaker = new CircuitBreaker(2, Duration.ofSeconds(30),
            Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC));

    @BeforeEach
    void startRegistry() throws IOException {
        registry = new StubRegistry("/subscribers");
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    private HttpSubscriberClient client() {
        return new HttpSubscriberClient(new LookupSettings(registry.url("user:s3cret"), null, Duration.ofSeconds(5),
                Duration.ofSeconds(10), 0, Duration.ZERO, 2, Duration.ofSeconds(30)), breaker);
    }

    @Test
    void aMalformedDateIsTheRegistryFailingAndOpensTheBreaker() throws Exception {
        registry.record = "{\"number\":\"+84978000001\",\"ownerNationalId\":\"001090000001\",\"kind\":\"PREPAID\","
                + "\"status\":\"ACTIVE\",\"activatedOn\":\"2020-01-01\",\"expiresOn\":\"31/12/2027\"}";
        HttpSubscriberClient client = client();
        PhoneNumber number = PhoneNumber.parse("0978000001");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> client.lookup(number)).isInstanceOf(RegistryUnavailableException.class)
                    .hasMessageNotContaining("s3cret").hasMessageNotContaining("127.0.0.1");
        }
        assertThatThrownBy(() -> client.lookup(number)).isInstanceOf(RegistryUnavailableException.class)
                .hasMessage("circuit open");
        assertThat(registry.calls).as("an open breaker calls nobody").hasValue(2);
    }

    @Test
    void garbageAndUnknownValuesAreFailuresToo() throws Exception {
        HttpSubscriberClient client = client();
        PhoneNumber number = PhoneNumber.parse("0978000001");
        registry.record = "not json at all";
        assertThatThrownBy(() -> client.lookup(number)).isInstanceOf(RegistryUnavailableException.class);
        registry.record = "{\"number\":\"+84978000001\",\"ownerNationalId\":\"001090000001\",\"kind\":\"SATELLITE\","
                + "\"status\":\"ACTIVE\"}";
        assertThatThrownBy(() -> client.lookup(number)).isInstanceOf(RegistryUnavailableException.class);
        assertThatThrownBy(() -> client.lookup(number)).isInstanceOf(RegistryUnavailableException.class)
                .hasMessage("circuit open");
        assertThat(registry.calls).hasValue(2);
    }
}
