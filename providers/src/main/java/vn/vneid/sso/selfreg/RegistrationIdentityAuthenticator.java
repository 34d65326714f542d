package vn.vneid.sso.selfreg;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.sessions.AuthenticationSessionModel;

import vn.vneid.sso.identity.Gender;
import vn.vneid.sso.identity.NationalIdException;
import vn.vneid.sso.identity.NationalIdNumber;
import vn.vneid.sso.kc.AlwaysConfiguredAuthenticator;
import vn.vneid.sso.limit.FixedWindowLimiter;
import vn.vneid.sso.limit.IdAddressLimits;
import vn.vneid.sso.phone.PhoneNumber;
import vn.vneid.sso.phone.PhoneNumberException;
import vn.vneid.sso.phone.registry.RegistryUnavailableException;
import vn.vneid.sso.phone.registry.SimCheck;
import vn.vneid.sso.phone.registry.Subscriber;
import vn.vneid.sso.phone.registry.SubscriberRegistries;
import vn.vneid.sso.population.Person;
import vn.vneid.sso.population.PopulationRegistries;
import vn.vneid.sso.population.PopulationRegistryUnavailableException;

/**
 * First step of the level-1 registration (issue #15, Decree 69/2024): national number, full name, birth date, sex and
 * mobile number. What the citizen typed must be the population registry's record of that number, and the phone must be
 * registered to that number in the subscriber registry (chính chủ). Only the five fields are read: whatever else a
 * form posts (a level, a verified flag, a lock, an officer's unit) is never looked at.
 */
final class RegistrationIdentityAuthenticator implements AlwaysConfiguredAuthenticator {

    static final String TEMPLATE = "vneid-register-identity.ftl";
    static final String FIELD_ID = "nationalId";
    static final String FIELD_NAME = "fullName";
    static final String FIELD_BIRTH = "birthDate";
    static final String FIELD_GENDER = "gender";
    static final String FIELD_PHONE = "phone";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int MAX_NAME_LENGTH = 100;

    private final Clock clock;

    RegistrationIdentityAuthenticator(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String flash = authSession.getAuthNote(RegistrationNotes.FLASH_ERROR);
        authSession.removeAuthNote(RegistrationNotes.FLASH_ERROR);
        context.challenge(page(context, null, flash == null ? List.of() : List.of(new FormMessage(null, flash))));
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        RegistrationConfig config = RegistrationConfig.of(context.getAuthenticatorConfig());
        List<FormMessage> errors = new ArrayList<>();

        NationalIdNumber id = null;
        try {
            id = NationalIdNumber.parse(form.getFirst(FIELD_ID), today.getYear());
        } catch (NationalIdException e) {
            errors.add(new FormMessage(FIELD_ID, e.reason().messageKey()));
        }
        String fullName = PersonNames.tidy(form.getFirst(FIELD_NAME));
        if (fullName.isEmpty()) {
            errors.add(new FormMessage(FIELD_NAME, "vneidRegisterNameMissing"));
        } else if (fullName.length() > MAX_NAME_LENGTH) {
            errors.add(new FormMessage(FIELD_NAME, "vneidRegisterNameTooLong", MAX_NAME_LENGTH));
        }
        Optional<LocalDate> birthDate = BirthDates.parse(form.getFirst(FIELD_BIRTH))
                .filter(date -> !date.isAfter(today));
        if (birthDate.isEmpty()) {
            errors.add(new FormMessage(FIELD_BIRTH, "vneidRegisterBirthDateInvalid"));
        }
        Optional<Gender> gender = Gender.fromClaimValue(form.getFirst(FIELD_GENDER));
        if (gender.isEmpty()) {
            errors.add(new FormMessage(FIELD_GENDER, "vneidRegisterGenderMissing"));
        }
        PhoneNumber phone = null;
        try {
            phone = PhoneNumber.parse(form.getFirst(FIELD_PHONE));
        } catch (PhoneNumberException e) {
            errors.add(new FormMessage(FIELD_PHONE, e.reason().messageKey()));
        }
        if (errors.isEmpty() && id.mismatchWith(birthDate.get(), gender.get()).isPresent()) {
            // The number itself encodes the birth year and sex: a typo the citizen can see, not the registry's answer.
            errors.add(new FormMessage(FIELD_ID, "vneidRegisterIdDisagrees"));
        }
        if (errors.isEmpty() && RegistrationCheck.underAge(birthDate.get(), today, config.minAge())) {
            errors.add(new FormMessage(null, "vneidRegisterUnderAge", config.minAge()));
        }
        if (!errors.isEmpty()) {
            context.challenge(page(context, form, errors));
            return;
        }

        Optional<IdAddressLimits.Limit> limited = new FixedWindowLimiter(context.getSession()).tryAcquire(
                config.limits().counters(context.getRealm().getId(), id.value(),
                        context.getConnection().getRemoteAddr(), clock.instant()));
        if (limited.isPresent()) {
            refuse(context, form, limited.get().eventReason(),
                    RegistrationConfig.LOOKUP_LIMITS.messageKey(limited.get()));
            return;
        }
        Optional<Person> person;
        try {
            person = PopulationRegistries.lookup(context.getSession(), config.populationRegistry(), id);
        } catch (PopulationRegistryUnavailableException e) {
            refuse(context, form, "population_registry_unavailable", "vneidRegisterRegistryUnavailable");
            return;
        }
        RegistrationCheck.Verdict verdict = RegistrationCheck.decide(person,
                new RegistrationCheck.Claimed(id, fullName, birthDate.get(), gender.get()), today, config.minAge());
        if (verdict != RegistrationCheck.Verdict.MATCH) {
            refuse(context, form, verdict.eventReason(), verdict.messageKey(), config.minAge());
            return;
        }

        Optional<Subscriber> subscriber;
        try {
            subscriber = SubscriberRegistries.lookup(context.getSession(), config.subscriberRegistry(), phone);
        } catch (RegistryUnavailableException e) {
            RegistrationEvents.EVENTS.refused(context.getEvent(), null, "subscriber_registry_unavailable");
            context.challenge(page(context, form, List.of(new FormMessage(FIELD_PHONE, "phoneRegistryUnavailable"))));
            return;
        }
        SimCheck.Verdict sim = SimCheck.decide(subscriber, id.value(), today, config.minValidDays());
        if (sim != SimCheck.Verdict.ACCEPTED) {
            RegistrationEvents.EVENTS.refused(context.getEvent(), null, "phone_" + sim.code());
            context.challenge(page(context, form, List.of(new FormMessage(FIELD_PHONE, sim.messageKey()))));
            return;
        }

        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        RegistrationNotes.clearAll(authSession);
        RegistrationNotes.writePerson(authSession, person.get());
        authSession.setAuthNote(RegistrationNotes.PHONE, phone.e164());
        RegistrationEvents.EVENTS.step(context.getEvent(), null, "matched");
        context.success();
    }

    private static void refuse(AuthenticationFlowContext context, MultivaluedMap<String, String> form, String reason,
            String messageKey, Object... arguments) {
        RegistrationEvents.EVENTS.refused(context.getEvent(), null, reason);
        context.challenge(page(context, form, List.of(new FormMessage(null, messageKey, arguments))));
    }

    private static Response page(AuthenticationFlowContext context, MultivaluedMap<String, String> form,
            List<FormMessage> errors) {
        LoginFormsProvider page = context.form();
        if (form != null) {
            // Only the five fields go back to the page, as typed, so the citizen can correct them.
            for (String field : List.of(FIELD_ID, FIELD_NAME, FIELD_BIRTH, FIELD_GENDER, FIELD_PHONE)) {
                String value = form.getFirst(field);
                page.setAttribute("vneidRegister_" + field, value == null ? "" : value.strip());
            }
        }
        if (errors.size() == 1) {
            page.addError(errors.get(0));
        } else if (!errors.isEmpty()) {
            page.setErrors(errors);
        }
        return page.createForm(TEMPLATE);
    }

    @Override
    public boolean requiresUser() {
        return false;
    }
}
