package vn.vneid.sso.card;

import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The decisions of the card status lock (issue #15, Decree 69/2024/NĐ-CP on locking and unlocking accounts), pure so
 * that each rule is unit-tested: what a police event does to an account, and whether a verified chip may prove level
 * 2, bind itself, or unlock.
 */
public final class CardRules {

    /** Card issue dates are Vietnamese calendar days. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** What a police event does. */
    public enum EventVerdict {
        /** Level 2 becomes locked. */
        LOCK,
        /** Already locked; the newer report replaces the status shown to the citizen. */
        UPDATE,
        /** Already locked by a newer report: acknowledged, nothing changes. */
        UNCHANGED,
        /** This very report was applied before. */
        DUPLICATE,
        /** The report is about a card that is no longer the account's card: refused, nothing changes. */
        NOT_CURRENT_CARD
    }

    /** What a verified chip of the account's own citizen may do. */
    public enum ChipVerdict {
        /** The bound card: level 2 as usual. */
        ACCEPT(true),
        /** No key recorded yet (account bound before issue #15): this card becomes the bound card. */
        BIND(true),
        /** A newer genuine card of the same person (renewed card): it becomes the bound card. */
        REBIND(true),
        /** Level 2 was locked and this is a new card: bound, lock cleared. */
        UNLOCK(true),
        /** This card was reported lost, replaced or revoked: never again. */
        REPORTED(false),
        /** Locked, no key was recorded for the reported card, and nothing shows this one is newer. */
        NOT_NEW(false),
        /** Older than the bound card: a card that has been replaced. */
        SUPERSEDED(false);

        private final boolean passes;

        ChipVerdict(boolean passes) {
            this.passes = passes;
        }

        public boolean passes() {
            return passes;
        }
    }

    private CardRules() {
    }

    public static EventVerdict onEvent(CardState state, CardStatusEvent event) {
        if (state.appliedEvents().contains(event.idempotencyKey())) {
            return EventVerdict.DUPLICATE;
        }
        // A report dated before the bound card was bound speaks of an earlier card: the police must name this one.
        if (state.boundAt() != null && event.occurredAt().isBefore(state.boundAt())) {
            return EventVerdict.NOT_CURRENT_CARD;
        }
        if (event.cardIssueDate() != null && state.boundIssueDate() != null
                && !event.cardIssueDate().equals(state.boundIssueDate())) {
            return EventVerdict.NOT_CURRENT_CARD;
        }
        if (!state.locked()) {
            return EventVerdict.LOCK;
        }
        return event.occurredAt().isAfter(state.lockOccurredAt()) ? EventVerdict.UPDATE : EventVerdict.UNCHANGED;
    }

    public static ChipVerdict onChip(CardState state, PresentedCard card) {
        if (state.reportedKeys().contains(card.key())) {
            return ChipVerdict.REPORTED;
        }
        if (state.locked()) {
            if (state.lockedKey() != null) {
                return card.key().equals(state.lockedKey()) ? ChipVerdict.REPORTED : ChipVerdict.UNLOCK;
            }
            // Migration: the reported card was bound before keys were recorded. Only a card issued after the reported
            // one (or, when its date is unknown too, on or after the day of the report) is certainly another card.
            LocalDate issued = card.issueDate();
            if (issued == null) {
                return ChipVerdict.NOT_NEW;
            }
            boolean newer = state.lockedIssueDate() != null ? issued.isAfter(state.lockedIssueDate())
                    : !issued.isBefore(LocalDate.ofInstant(state.lockOccurredAt(), VIETNAM));
            return newer ? ChipVerdict.UNLOCK : ChipVerdict.NOT_NEW;
        }
        if (state.boundKey() == null) {
            return ChipVerdict.BIND;
        }
        if (state.boundKey().equals(card.key())) {
            return ChipVerdict.ACCEPT;
        }
        if (state.boundIssueDate() != null && card.issueDate() != null
                && card.issueDate().isBefore(state.boundIssueDate())) {
            return ChipVerdict.SUPERSEDED;
        }
        return ChipVerdict.REBIND;
    }
}
