package vn.vneid.sso.card;

import java.time.LocalDate;

/**
 * The physical card a verified chip proved. On the CCCD the MRZ document number is the last 9 digits of the personal
 * number, so it stays the same when a card is replaced: what tells two cards apart is the chip's active-authentication
 * key (DG15), which never leaves the chip and is new on every card.
 *
 * @param key the SHA-256 fingerprint of the DG15 public key ({@code VerifiedChip.keyFingerprint})
 * @param issueDate the card's issue date (DG13 field 11), or null when the chip does not say
 * @param documentNumber the MRZ document number
 */
public record PresentedCard(String key, LocalDate issueDate, String documentNumber) {
}
