package vn.vneid.sso.phone.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class SimCheckTest {

    private static final String OWNER = "001085012345";
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static Optional<Subscriber> sim(String owner, Subscriber.Kind kind, Subscriber.Status status,
            LocalDate expires) {
        return Optional.of(new Subscriber("+84912345678", owner, kind, status, LocalDate.of(2020, 1, 1), expires));
    }

    private static SimCheck.Verdict decide(Optional<Subscriber> sim) {
        return SimCheck.decide(sim, OWNER, TODAY, 30);
    }

    @Test
    void theCitizensOwnVoiceSim() {
        assertThat(decide(sim(OWNER, Subscriber.Kind.POSTPAID, Subscriber.Status.ACTIVE, null)))
                .isEqualTo(SimCheck.Verdict.ACCEPTED);
        assertThat(decide(sim(OWNER, Subscriber.Kind.PREPAID, Subscriber.Status.ACTIVE, TODAY.plusDays(30))))
                .isEqualTo(SimCheck.Verdict.ACCEPTED);
    }

    @Test
    void everyRefusal() {
        assertThat(decide(Optional.empty())).isEqualTo(SimCheck.Verdict.UNKNOWN_NUMBER);
        assertThat(decide(sim("079188005566", Subscriber.Kind.PREPAID, Subscriber.Status.ACTIVE, null)))
                .isEqualTo(SimCheck.Verdict.OTHER_OWNER);
        assertThat(decide(sim(OWNER, Subscriber.Kind.DATA_ONLY, Subscriber.Status.ACTIVE, TODAY.plusDays(300))))
                .isEqualTo(SimCheck.Verdict.DATA_ONLY);
        assertThat(decide(sim(OWNER, Subscriber.Kind.PREPAID, Subscriber.Status.LOCKED, null)))
                .isEqualTo(SimCheck.Verdict.LOCKED);
        assertThat(decide(sim(OWNER, Subscriber.Kind.PREPAID, Subscriber.Status.REVOKED, null)))
                .isEqualTo(SimCheck.Verdict.REVOKED);
        assertThat(decide(sim(OWNER, Subscriber.Kind.PREPAID, Subscriber.Status.ACTIVE, TODAY.plusDays(29))))
                .isEqualTo(SimCheck.Verdict.EXPIRING_SOON);
    }

    @Test
    void aRevokedNumberIsRefusedWhoeverHeldIt() {
        assertThat(decide(sim("079188005566", Subscriber.Kind.PREPAID, Subscriber.Status.REVOKED, null)))
                .isEqualTo(SimCheck.Verdict.REVOKED);
    }

    @Test
    void atLoginOnlyUndeliverableOrReassignedSimsStopCounting() {
        assertThat(SimCheck.stillUsable(SimCheck.Verdict.REVOKED)).isFalse();
        assertThat(SimCheck.stillUsable(SimCheck.Verdict.LOCKED)).isFalse();
        assertThat(SimCheck.stillUsable(SimCheck.Verdict.OTHER_OWNER)).isFalse();
        assertThat(SimCheck.stillUsable(SimCheck.Verdict.UNKNOWN_NUMBER)).isTrue();
        assertThat(SimCheck.stillUsable(SimCheck.Verdict.EXPIRING_SOON)).isTrue();
        assertThat(SimCheck.stillUsable(SimCheck.Verdict.ACCEPTED)).isTrue();
    }

    @Test
    void anEndedSubscriptionIsEndedNotExpiringAndStopsCountingAtLogin() {
        assertThat(decide(sim(OWNER, Subscriber.Kind.PREPAID, Subscriber.Status.ACTIVE, TODAY.minusDays(1))))
                .isEqualTo(SimCheck.Verdict.ENDED);
        assertThat(decide(sim(OWNER, Subscriber.Kind.PREPAID, Subscriber.Status.ACTIVE, TODAY)))
                .isEqualTo(SimCheck.Verdict.EXPIRING_SOON);
        assertThat(SimCheck.stillUsable(SimCheck.Verdict.ENDED)).isFalse();
        assertThat(SimCheck.Verdict.ENDED.messageKey()).isEqualTo("phoneSimEnded");
    }
}
