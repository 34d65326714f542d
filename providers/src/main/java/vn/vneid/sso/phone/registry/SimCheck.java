package vn.vneid.sso.phone.registry;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Whether a number may become an authentication factor of an account: registered to this citizen (chính chủ), a
 * voice-capable subscription (data-only "SIM bùm" cards live at most 12 months and were cut off in 2023), active, and
 * not ending within the configured margin.
 */
public final class SimCheck {

    /** The decision, each with the message key that tells the citizen what to do. */
    public enum Verdict {
        ACCEPTED(null),
        UNKNOWN_NUMBER("phoneSimUnknown"),
        OTHER_OWNER("phoneSimOtherOwner"),
        DATA_ONLY("phoneSimDataOnly"),
        LOCKED("phoneSimLocked"),
        REVOKED("phoneSimRevoked"),
        ENDED("phoneSimEnded"),
        EXPIRING_SOON("phoneSimExpiringSoon");

        private final String messageKey;

        Verdict(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }

        /** Lower-case, for events. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final int DEFAULT_MIN_VALID_DAYS = 30;

    private SimCheck() {
    }

    public static Verdict decide(Optional<Subscriber> subscriber, String accountNationalId, LocalDate today,
            int minValidDays) {
        if (subscriber.isEmpty()) {
            return Verdict.UNKNOWN_NUMBER;
        }
        Subscriber s = subscriber.get();
        if (s.status() == Subscriber.Status.REVOKED) {
            return Verdict.REVOKED;
        }
        if (!accountNationalId.equals(s.ownerNationalId())) {
            return Verdict.OTHER_OWNER;
        }
        if (s.status() == Subscriber.Status.LOCKED) {
            return Verdict.LOCKED;
        }
        if (s.kind() == Subscriber.Kind.DATA_ONLY) {
            return Verdict.DATA_ONLY;
        }
        if (s.expiresOn() != null && s.expiresOn().isBefore(today)) {
            return Verdict.ENDED;
        }
        if (s.expiresOn() != null && s.expiresOn().isBefore(today.plusDays(minValidDays))) {
            return Verdict.EXPIRING_SOON;
        }
        return Verdict.ACCEPTED;
    }

    /**
     * At login, a bound phone stops counting only for what makes codes undeliverable or unsafe: a revoked, locked or
     * ended SIM, or one now registered to someone else. An unknown answer keeps the phone (the registry may be behind).
     */
    public static boolean stillUsable(Verdict verdict) {
        return verdict != Verdict.REVOKED && verdict != Verdict.LOCKED && verdict != Verdict.OTHER_OWNER
                && verdict != Verdict.ENDED;
    }
}
