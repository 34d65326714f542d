package vn.vneid.sso.card;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.keycloak.models.UserModel;

import vn.vneid.sso.profile.CitizenProfile;

/**
 * The card attributes of an account (issue #15), read into a {@link CardState} and written only by the police intake
 * ({@link CardStatusResource}) and the chip step-up. None is in the realm's user profile and the realm keeps unmanaged
 * attributes disabled, so neither the citizen (account console, kc_action) nor a realm administrator (admin API) can
 * see, set or remove them.
 */
public final class CardAccount {

    static final String KEY = "vneidCardKey";
    static final String ISSUE_DATE = "vneidCardIssueDate";
    static final String DOCUMENT_NUMBER = "vneidCardDocumentNumber";
    static final String BOUND_AT = "vneidCardBoundAt";
    static final String LOCK_STATUS = "vneidCardLockStatus";
    static final String LOCK_OCCURRED_AT = "vneidCardLockOccurredAt";
    static final String LOCK_REASON = "vneidCardLockReason";
    static final String LOCKED_KEY = "vneidCardLockedKey";
    static final String LOCKED_ISSUE_DATE = "vneidCardLockedIssueDate";
    static final String REPORTED_KEYS = "vneidCardReportedKeys";
    static final String APPLIED_EVENTS = "vneidCardEvents";
    /** Enough to recognise any retry; the oldest are forgotten first. */
    static final int MAX_APPLIED_EVENTS = 50;

    private CardAccount() {
    }

    public static CardState state(UserModel user) {
        CardStatus status = CardStatus.parse(user.getFirstAttribute(LOCK_STATUS));
        Instant occurredAt = instant(user.getFirstAttribute(LOCK_OCCURRED_AT));
        if (CitizenProfile.isLockedForCardLoss(user) && (status == null || occurredAt == null)) {
            // The lock flag without its details (set by hand before issue #15): locked all the same, as if lost now.
            status = status == null ? CardStatus.LOST : status;
            occurredAt = occurredAt == null ? Instant.EPOCH : occurredAt;
        }
        if (!CitizenProfile.isLockedForCardLoss(user)) {
            status = null;
            occurredAt = null;
        }
        return new CardState(user.getFirstAttribute(KEY), date(user.getFirstAttribute(ISSUE_DATE)),
                instant(user.getFirstAttribute(BOUND_AT)), status, occurredAt, user.getFirstAttribute(LOCKED_KEY),
                date(user.getFirstAttribute(LOCKED_ISSUE_DATE)), values(user, REPORTED_KEYS),
                values(user, APPLIED_EVENTS));
    }

    /** The status that locks level 2, or null when it is not locked. */
    public static CardStatus lockStatus(UserModel user) {
        return state(user).lockStatus();
    }

    /** Locks level 2: the bound card (when its key is known) is reported for good. */
    static void lock(UserModel user, CardState state, CardStatusEvent event) {
        user.setSingleAttribute(CitizenProfile.CARD_LOST_LOCK, "true");
        setStatus(user, event);
        if (state.boundKey() != null) {
            user.setSingleAttribute(LOCKED_KEY, state.boundKey());
            Set<String> reported = new LinkedHashSet<>(values(user, REPORTED_KEYS));
            reported.add(state.boundKey());
            user.setAttribute(REPORTED_KEYS, new ArrayList<>(reported));
        } else {
            user.removeAttribute(LOCKED_KEY);
        }
        setOrRemove(user, LOCKED_ISSUE_DATE, state.boundIssueDate() == null ? null : state.boundIssueDate().toString());
        remember(user, event);
    }

    /** A newer report while locked: what the citizen is told changes, the lock does not. */
    static void update(UserModel user, CardStatusEvent event) {
        setStatus(user, event);
        remember(user, event);
    }

    static void remember(UserModel user, CardStatusEvent event) {
        List<String> applied = new ArrayList<>(user.getAttributeStream(APPLIED_EVENTS).collect(Collectors.toList()));
        if (!applied.contains(event.idempotencyKey())) {
            applied.add(event.idempotencyKey());
        }
        while (applied.size() > MAX_APPLIED_EVENTS) {
            applied.remove(0);
        }
        user.setAttribute(APPLIED_EVENTS, applied);
    }

    /** Makes this card the account's card; on unlock also clears the lock (the reported keys stay for good). */
    public static void bind(UserModel user, PresentedCard card, Instant now, boolean unlock) {
        if (!card.key().equals(user.getFirstAttribute(KEY))) {
            user.setSingleAttribute(BOUND_AT, String.valueOf(now.getEpochSecond()));
        }
        user.setSingleAttribute(KEY, card.key());
        setOrRemove(user, ISSUE_DATE, card.issueDate() == null ? null : card.issueDate().toString());
        setOrRemove(user, DOCUMENT_NUMBER, card.documentNumber());
        if (unlock) {
            user.removeAttribute(CitizenProfile.CARD_LOST_LOCK);
            user.removeAttribute(LOCK_STATUS);
            user.removeAttribute(LOCK_OCCURRED_AT);
            user.removeAttribute(LOCK_REASON);
            user.removeAttribute(LOCKED_KEY);
            user.removeAttribute(LOCKED_ISSUE_DATE);
        }
    }

    private static void setStatus(UserModel user, CardStatusEvent event) {
        user.setSingleAttribute(LOCK_STATUS, event.status().name());
        user.setSingleAttribute(LOCK_OCCURRED_AT, event.occurredAt().toString());
        user.setSingleAttribute(LOCK_REASON, event.reason());
    }

    private static void setOrRemove(UserModel user, String name, String value) {
        if (value == null) {
            user.removeAttribute(name);
        } else {
            user.setSingleAttribute(name, value);
        }
    }

    private static Set<String> values(UserModel user, String name) {
        return user.getAttributeStream(name).collect(Collectors.toSet());
    }

    private static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return value.matches("\\d+") ? Instant.ofEpochSecond(Long.parseLong(value)) : Instant.parse(value);
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    private static LocalDate date(String value) {
        try {
            return value == null ? null : LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
