package vn.vneid.sso.population;

import java.time.LocalDate;

import vn.vneid.sso.identity.Gender;

/**
 * What the national population database (Cơ sở dữ liệu quốc gia về dân cư) says of one person. Level 1 registers
 * the national number, name, birth date and sex from it (Decree 69/2024), never from what the citizen typed.
 *
 * @param communeCode the official code of the commune of residence, or null when unknown
 * @param cardStatus the chip ID card's status as the registry reports it, or null when it has none
 */
public record Person(String nationalId, String fullName, LocalDate birthDate, Gender gender,
        String placeOfResidence, String communeCode, boolean deceased, CardStatus cardStatus) {

    /** The chip ID card's status; level 1 needs no card, so it is carried, not decided on. */
    public enum CardStatus {
        VALID, LOST, REPLACED, REVOKED
    }
}
