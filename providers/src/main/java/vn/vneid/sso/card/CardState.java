package vn.vneid.sso.card;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * What the account knows about its cards: the card bound last (by a chip step-up), the lock the police system set,
 * every card ever reported, and the police events already applied (for idempotency).
 *
 * @param boundKey the bound card's key, or null for an account bound before keys were recorded (issue #15)
 * @param boundAt when that card was first bound, or null
 * @param lockStatus null when level 2 is not locked
 * @param lockedKey the key of the card that was bound when the lock was set, or null when none was recorded
 * @param lockedIssueDate that card's issue date, or null
 */
public record CardState(String boundKey, LocalDate boundIssueDate, Instant boundAt, CardStatus lockStatus,
                        Instant lockOccurredAt, String lockedKey, LocalDate lockedIssueDate,
                        Set<String> reportedKeys, Set<String> appliedEvents) {

    public CardState {
        reportedKeys = reportedKeys == null ? Set.of() : Set.copyOf(reportedKeys);
        appliedEvents = appliedEvents == null ? Set.of() : Set.copyOf(appliedEvents);
    }

    public static CardState unbound() {
        return new CardState(null, null, null, null, null, null, null, Set.of(), Set.of());
    }

    public boolean locked() {
        return lockStatus != null;
    }
}
