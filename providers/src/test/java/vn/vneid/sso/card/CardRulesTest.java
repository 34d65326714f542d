package vn.vneid.sso.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.vneid.sso.card.CardRules.ChipVerdict;
import vn.vneid.sso.card.CardRules.EventVerdict;

class CardRulesTest {

    static final Instant BOUND_AT = Instant.parse("2025-01-10T03:00:00Z");
    static final Instant LOST_AT = Instant.parse("2026-11-01T02:00:00Z");
    static final PresentedCard OLD = new PresentedCard("old-key", LocalDate.of(2021, 4, 12), "085012345");
    static final PresentedCard NEW = new PresentedCard("new-key", LocalDate.of(2026, 11, 5), "085012345");

    static CardState bound() {
        return new CardState(OLD.key(), OLD.issueDate(), BOUND_AT, null, null, null, null, Set.of(), Set.of());
    }

    static CardState lockedWithKey() {
        return new CardState(OLD.key(), OLD.issueDate(), BOUND_AT, CardStatus.LOST, LOST_AT, OLD.key(),
                OLD.issueDate(), Set.of(OLD.key()), Set.of("LOST@" + LOST_AT.getEpochSecond()));
    }

    /** Bound before issue #15 recorded card keys: nothing is known of the reported card. */
    static CardState lockedWithoutKey() {
        return new CardState(null, null, null, CardStatus.LOST, LOST_AT, null, null, Set.of(), Set.of());
    }

    static CardStatusEvent event(CardStatus status, Instant occurredAt, LocalDate issueDate) {
        return new CardStatusEvent(null, "001085012345", "085012345", status, "báo mất", occurredAt, issueDate);
    }

    @Nested
    @DisplayName("a police event")
    class Events {

        @Test
        @DisplayName("locks an unlocked account, also one whose card key was never recorded")
        void locks() {
            assertThat(CardRules.onEvent(bound(), event(CardStatus.LOST, LOST_AT, null))).isEqualTo(EventVerdict.LOCK);
            assertThat(CardRules.onEvent(CardState.unbound(), event(CardStatus.REVOKED, LOST_AT, null)))
                    .isEqualTo(EventVerdict.LOCK);
        }

        @Test
        @DisplayName("sent again is a duplicate, even after the citizen bound a new card")
        void duplicate() {
            assertThat(CardRules.onEvent(lockedWithKey(), event(CardStatus.LOST, LOST_AT, null)))
                    .isEqualTo(EventVerdict.DUPLICATE);
            CardState unlocked = new CardState(NEW.key(), NEW.issueDate(), LOST_AT.plusSeconds(86_400), null, null,
                    null, null, Set.of(OLD.key()), Set.of("LOST@" + LOST_AT.getEpochSecond()));
            assertThat(CardRules.onEvent(unlocked, event(CardStatus.LOST, LOST_AT, null)))
                    .isEqualTo(EventVerdict.DUPLICATE);
        }

        @Test
        @DisplayName("a newer report while locked updates the status; an older one changes nothing")
        void newerAndOlder() {
            assertThat(CardRules.onEvent(lockedWithKey(), event(CardStatus.REPLACED, LOST_AT.plusSeconds(60), null)))
                    .isEqualTo(EventVerdict.UPDATE);
            assertThat(CardRules.onEvent(lockedWithKey(), event(CardStatus.REVOKED, LOST_AT.minusSeconds(60), null)))
                    .isEqualTo(EventVerdict.UNCHANGED);
        }

        @Test
        @DisplayName("about a card older than the bound one (dated before its binding, or another issue date) is refused")
        void notCurrentCard() {
            assertThat(CardRules.onEvent(bound(), event(CardStatus.LOST, BOUND_AT.minusSeconds(1), null)))
                    .isEqualTo(EventVerdict.NOT_CURRENT_CARD);
            assertThat(CardRules.onEvent(bound(), event(CardStatus.LOST, LOST_AT, LocalDate.of(2016, 1, 1))))
                    .isEqualTo(EventVerdict.NOT_CURRENT_CARD);
            assertThat(CardRules.onEvent(bound(), event(CardStatus.LOST, LOST_AT, OLD.issueDate())))
                    .isEqualTo(EventVerdict.LOCK);
        }
    }

    @Nested
    @DisplayName("a verified chip of the citizen")
    class Chips {

        @Test
        @DisplayName("unlocked: the bound card passes; a first card binds; a newer card rebinds; an older one is refused")
        void unlocked() {
            assertThat(CardRules.onChip(bound(), OLD)).isEqualTo(ChipVerdict.ACCEPT);
            assertThat(CardRules.onChip(CardState.unbound(), OLD)).isEqualTo(ChipVerdict.BIND);
            assertThat(CardRules.onChip(bound(), NEW)).isEqualTo(ChipVerdict.REBIND);
            CardState newBound = new CardState(NEW.key(), NEW.issueDate(), LOST_AT, null, null, null, null, Set.of(),
                    Set.of());
            assertThat(CardRules.onChip(newBound, OLD)).isEqualTo(ChipVerdict.SUPERSEDED);
            assertThat(ChipVerdict.SUPERSEDED.passes()).isFalse();
        }

        @Test
        @DisplayName("locked: the reported card never passes, a new one unlocks")
        void lockedWithAKnownCard() {
            assertThat(CardRules.onChip(lockedWithKey(), OLD)).isEqualTo(ChipVerdict.REPORTED);
            assertThat(CardRules.onChip(lockedWithKey(), NEW)).isEqualTo(ChipVerdict.UNLOCK);
            assertThat(ChipVerdict.UNLOCK.passes()).isTrue();
        }

        @Test
        @DisplayName("a reported card stays refused after the unlock")
        void reportedForGood() {
            CardState unlocked = new CardState(NEW.key(), NEW.issueDate(), LOST_AT.plusSeconds(86_400), null, null,
                    null, null, Set.of(OLD.key()), Set.of());
            assertThat(CardRules.onChip(unlocked, OLD)).isEqualTo(ChipVerdict.REPORTED);
            assertThat(CardRules.onChip(unlocked, NEW)).isEqualTo(ChipVerdict.ACCEPT);
        }

        @Test
        @DisplayName("locked, reported card unknown: only a card issued on or after the report's day (Vietnam) unlocks")
        void lockedWithoutAKnownCard() {
            assertThat(CardRules.onChip(lockedWithoutKey(), OLD)).isEqualTo(ChipVerdict.NOT_NEW);
            assertThat(CardRules.onChip(lockedWithoutKey(), NEW)).isEqualTo(ChipVerdict.UNLOCK);
            // 02:00 UTC is 09:00 in Vietnam: a card issued that day is new.
            assertThat(CardRules.onChip(lockedWithoutKey(),
                    new PresentedCard("k", LocalDate.of(2026, 11, 1), "085012345"))).isEqualTo(ChipVerdict.UNLOCK);
            assertThat(CardRules.onChip(lockedWithoutKey(),
                    new PresentedCard("k", LocalDate.of(2026, 10, 31), "085012345"))).isEqualTo(ChipVerdict.NOT_NEW);
            assertThat(CardRules.onChip(lockedWithoutKey(), new PresentedCard("k", null, "085012345")))
                    .isEqualTo(ChipVerdict.NOT_NEW);
        }

        @Test
        @DisplayName("locked, key unknown but issue date known: the card must be issued after the reported one")
        void lockedWithAKnownIssueDate() {
            CardState locked = new CardState(null, OLD.issueDate(), null, CardStatus.REPLACED, LOST_AT, null,
                    OLD.issueDate(), Set.of(), Set.of());
            assertThat(CardRules.onChip(locked, new PresentedCard("k", OLD.issueDate(), "085012345")))
                    .isEqualTo(ChipVerdict.NOT_NEW);
            assertThat(CardRules.onChip(locked, new PresentedCard("k", OLD.issueDate().plusDays(1), "085012345")))
                    .isEqualTo(ChipVerdict.UNLOCK);
        }
    }

    @Test
    @DisplayName("each status names its own explanation for the citizen")
    void messageKeys() {
        assertThat(CardStatus.LOST.messageKey()).isEqualTo("cardLockLost");
        assertThat(CardStatus.REPLACED.messageKey()).isEqualTo("cardLockReplaced");
        assertThat(CardStatus.REVOKED.messageKey()).isEqualTo("cardLockRevoked");
        assertThat(CardStatus.parse(" lost ")).isEqualTo(CardStatus.LOST);
        assertThat(CardStatus.parse("ACTIVE")).isNull();
    }
}
