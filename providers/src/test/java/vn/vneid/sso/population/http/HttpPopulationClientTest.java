package vn.vneid.sso.population.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.vneid.sso.identity.NationalIdNumber;
import vn.vneid.sso.http.LookupSettings;
import vn.vneid.sso.http.StubRegistry;
import vn.vneid.sso.population.PopulationRegistryUnavailableException;

/** The population client against a real local HTTP server. */
class HttpPopulationClientTest {

    static final String HOA = "{\"nationalId\":\"001190100001\",\"fullName\":\"Nguyễn Thị Hòa\","
            + "\"birthDate\":\"1990-05-20\",\"gender\":\"female\"}";

    private StubRegistry registry;

    @BeforeEach
    void startRegistry() throws IOException {
        registry = new StubRegistry("/population");
        registry.record = HOA;
    }

    @AfterEach
    void stopRegistry() {
        registry.close();
    }

    private HttpPopulationClient client(int retries) {
        LookupSettings settings = new LookupSettings(registry.url(null), null, Duration.ofSeconds(5),
                Duration.ofSeconds(10), retries, Duration.ZERO, 1000, Duration.ofSeconds(30));
        return new HttpPopulationClient(settings, settings.breaker(Clock.systemUTC()));
    }

    @Test
    void postsTheNumberInTheBodyAndReadsThePerson() throws Exception {
        var person = client(0).lookup(NationalIdNumber.parse("001190100001"));
        assertThat(person).isPresent();
        assertThat(person.get().fullName()).isEqualTo("Nguyễn Thị Hòa");
        assertThat(registry.lastRequest).isEqualTo("POST /population {\"nationalId\":\"001190100001\"}");
    }

    @Test
    void notFoundIsEmpty() throws Exception {
        registry.status = 404;
        assertThat(client(1).lookup(NationalIdNumber.parse("001190100001"))).isEmpty();
        assertThat(registry.calls.get()).isEqualTo(1);
    }

    @Test
    void a503IsRetriedThenUnavailable() {
        registry.status = 503;
        assertThatThrownBy(() -> client(1).lookup(NationalIdNumber.parse("001190100001")))
                .isInstanceOf(PopulationRegistryUnavailableException.class).hasMessage("failed: HTTP 503");
        assertThat(registry.calls.get()).isEqualTo(2);
    }

    @Test
    void anUnreadableRecordIsTheRegistryFailing() {
        registry.record = "{\"nationalId\":\"001190100001\"}";
        assertThatThrownBy(() -> client(0).lookup(NationalIdNumber.parse("001190100001")))
                .isInstanceOf(PopulationRegistryUnavailableException.class).hasMessageContaining("unreadable");
    }

    @Test
    void aClientErrorIsNotRetried() {
        registry.status = 400;
        assertThatThrownBy(() -> client(3).lookup(NationalIdNumber.parse("001190100001")))
                .isInstanceOf(PopulationRegistryUnavailableException.class);
        assertThat(registry.calls.get()).isEqualTo(1);
    }
}
