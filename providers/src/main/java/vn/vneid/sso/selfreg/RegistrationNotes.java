package vn.vneid.sso.selfreg;

import java.time.LocalDate;
import java.util.Optional;

import org.keycloak.sessions.AuthenticationSessionModel;

import vn.vneid.sso.identity.Gender;
import vn.vneid.sso.otp.SmsCodeNotes;
import vn.vneid.sso.population.Person;

/**
 * Authentication-session notes of the level-1 registration (the distributed session cache holds them). The person is
 * kept as the registry sent it: the account is created from these notes, never from the form.
 */
final class RegistrationNotes {

    private static final String PERSON = "vneid.selfreg.person.";
    /** The phone that passed the subscriber-registry check, in E.164; a code is sent only to it. */
    static final String PHONE = "vneid.selfreg.phone";
    /** Set to the phone once its code was right: the password step checks it again. */
    static final String PHONE_PROVEN = "vneid.selfreg.phoneProven";
    /** The account was created (or found to exist): later requests show the final page. */
    static final String DONE = "vneid.selfreg.done";
    /** A message for the first page after the registration restarted (set after the reset, which clears all notes). */
    static final String FLASH_ERROR = "vneid.selfreg.flashError";
    /** The code's state, apart from the login's, the binding's and the recovery's. */
    static final SmsCodeNotes CODE = new SmsCodeNotes("vneid.selfreg.sms.");

    private RegistrationNotes() {
    }

    static void writePerson(AuthenticationSessionModel authSession, Person person) {
        authSession.setAuthNote(PERSON + "nationalId", person.nationalId());
        authSession.setAuthNote(PERSON + "fullName", person.fullName());
        authSession.setAuthNote(PERSON + "birthDate", person.birthDate().toString());
        authSession.setAuthNote(PERSON + "gender", person.gender().claimValue());
        set(authSession, PERSON + "placeOfResidence", person.placeOfResidence());
        set(authSession, PERSON + "communeCode", person.communeCode());
    }

    /** The person the registry matched in this registration, or empty when no match was made yet. */
    static Optional<Person> readPerson(AuthenticationSessionModel authSession) {
        String id = authSession.getAuthNote(PERSON + "nationalId");
        String name = authSession.getAuthNote(PERSON + "fullName");
        String birth = authSession.getAuthNote(PERSON + "birthDate");
        Optional<Gender> gender = Gender.fromClaimValue(authSession.getAuthNote(PERSON + "gender"));
        if (id == null || name == null || birth == null || gender.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Person(id, name, LocalDate.parse(birth), gender.get(),
                authSession.getAuthNote(PERSON + "placeOfResidence"), authSession.getAuthNote(PERSON + "communeCode"),
                false, null));
    }

    static void clearAll(AuthenticationSessionModel authSession) {
        for (String field : new String[] {"nationalId", "fullName", "birthDate", "gender", "placeOfResidence",
                "communeCode"}) {
            authSession.removeAuthNote(PERSON + field);
        }
        authSession.removeAuthNote(PHONE);
        authSession.removeAuthNote(PHONE_PROVEN);
        CODE.clear(authSession);
    }

    private static void set(AuthenticationSessionModel authSession, String name, String value) {
        if (value == null) {
            authSession.removeAuthNote(name);
        } else {
            authSession.setAuthNote(name, value);
        }
    }
}
