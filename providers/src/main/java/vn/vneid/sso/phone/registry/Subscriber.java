package vn.vneid.sso.phone.registry;

import java.time.LocalDate;

/**
 * What the telecom subscriber registry says of a mobile number: the national ID it is registered to (since the
 * 2023 SIM standardisation every SIM is tied to one), the kind of subscription, its status, and when it ends.
 *
 * @param expiresOn null for subscriptions without an end (postpaid); data-only SIMs last at most 12 months
 */
public record Subscriber(String number, String ownerNationalId, Kind kind, Status status, LocalDate activatedOn,
        LocalDate expiresOn) {

    public enum Kind {
        POSTPAID, PREPAID, DATA_ONLY
    }

    public enum Status {
        ACTIVE, LOCKED, REVOKED
    }
}
