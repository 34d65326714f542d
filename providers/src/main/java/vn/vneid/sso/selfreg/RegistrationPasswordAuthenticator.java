package vn.vneid.sso.selfreg;

import java.util.Optional;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.events.Details;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.ModelException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.FormMessage;
import org.keycloak.policy.PasswordPolicyManagerProvider;
import org.keycloak.policy.PolicyError;
import org.keycloak.sessions.AuthenticationSessionModel;

import vn.vneid.sso.kc.AlwaysConfiguredAuthenticator;
import vn.vneid.sso.kc.NewPasswordForm;
import vn.vneid.sso.password.PersonalDataRule;
import vn.vneid.sso.population.Person;
import vn.vneid.sso.profile.CitizenProfile;

/**
 * Last step of the level-1 registration (issue #15): a password that meets the realm's policy, then the account:
 * username the national number, name, birth date, sex and residence as the population registry gave them, the phone
 * whose code was just proven, level 1. Registration signs no one in: the citizen goes on to a normal sign-in, so no
 * session ever carries a level that the login flows did not authenticate.
 */
final class RegistrationPasswordAuthenticator implements AlwaysConfiguredAuthenticator {

    static final String TEMPLATE = "vneid-register-password.ftl";
    static final String DONE_TEMPLATE = "vneid-register-done.ftl";

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        if (proven(context).isPresent()) {
            context.challenge(page(context, null));
        }
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        Optional<Person> proven = proven(context);
        if (proven.isEmpty()) {
            return;
        }
        Person person = proven.get();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String phone = authSession.getAuthNote(RegistrationNotes.PHONE_PROVEN);
        MultivaluedMap<String, String> form = context.getHttpRequest().getDecodedFormParameters();
        FormMessage problem = NewPasswordForm.problem(form);
        if (problem != null) {
            context.challenge(page(context, problem));
            return;
        }
        String password = form.getFirst(NewPasswordForm.FIELD_PASSWORD);
        // The realm's policy before the account exists: the policies that need no account, then the personal-data
        // rule with the registry's birth date and the proven phone (what vneidNotPersonalData checks on an account).
        PolicyError error = context.getSession().getProvider(PasswordPolicyManagerProvider.class)
                .validate(person.nationalId(), password);
        if (error == null) {
            error = PersonalDataRule.check(password, person.nationalId(), person.birthDate(), phone)
                    .map(finding -> new PolicyError(finding.messageKey())).orElse(null);
        }
        if (error != null) {
            refusedPassword(context, error.getMessage(), error.getParameters());
            return;
        }
        RealmModel realm = context.getRealm();
        if (context.getSession().users().getUserByUsername(realm, person.nationalId()) != null) {
            RegistrationEvents.EVENTS.refused(context.getEvent(), null, "account_exists");
            RegistrationCodeAuthenticator.exists(context);
            return;
        }
        UserModel user;
        try {
            user = create(context, person, phone, password);
        } catch (ModelDuplicateException e) {
            RegistrationEvents.EVENTS.refused(context.getEvent(), null, "account_exists");
            RegistrationCodeAuthenticator.exists(context);
            return;
        } catch (ModelException e) {
            // The full policy on the new account refused what the pre-check let through: nothing stays.
            refusedPassword(context, e.getMessage(), e.getParameters());
            return;
        }
        RegistrationNotes.clearAll(authSession);
        authSession.setAuthNote(RegistrationNotes.DONE, DONE_TEMPLATE);
        context.getEvent().clone().user(user).detail(Details.USERNAME, user.getUsername())
                .detail(RegistrationEvents.EVENTS.detail(), "created").detail(CitizenProfile.LEVEL, "1").success();
        context.challenge(context.form().createForm(DONE_TEMPLATE));
    }

    /**
     * Level 1 and a phone verified by the code just checked; everything else from the registry's record. Nothing the
     * form posted reaches the account but the password.
     */
    private static UserModel create(AuthenticationFlowContext context, Person person, String phone, String password) {
        RealmModel realm = context.getRealm();
        UserModel user = context.getSession().users().addUser(realm, person.nationalId());
        try {
            user.setEnabled(true);
            user.setSingleAttribute(CitizenProfile.FULL_NAME, person.fullName());
            user.setSingleAttribute(CitizenProfile.BIRTHDATE, person.birthDate().toString());
            user.setSingleAttribute(CitizenProfile.GENDER, person.gender().claimValue());
            if (person.placeOfResidence() != null) {
                user.setSingleAttribute(CitizenProfile.PLACE_OF_RESIDENCE, person.placeOfResidence());
            }
            CitizenProfile.markPhoneVerified(user, phone);
            user.setSingleAttribute(CitizenProfile.LEVEL, "1");
            user.credentialManager().updateCredential(UserCredentialModel.password(password, false));
            return user;
        } catch (ModelException e) {
            context.getSession().users().removeUser(realm, user);
            throw e;
        }
    }

    private static void refusedPassword(AuthenticationFlowContext context, String messageKey, Object[] parameters) {
        RegistrationEvents.EVENTS.refused(context.getEvent(), null, "password_policy");
        context.challenge(page(context, new FormMessage("password", messageKey, parameters)));
    }

    /**
     * The person matched and the code for the phone proven in this registration; otherwise back to the start (or the
     * final page, for a registration that already ended).
     */
    private static Optional<Person> proven(AuthenticationFlowContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        String done = authSession.getAuthNote(RegistrationNotes.DONE);
        if (done != null) {
            context.challenge(context.form().createForm(done));
            return Optional.empty();
        }
        Optional<Person> person = RegistrationNotes.readPerson(authSession);
        String phone = authSession.getAuthNote(RegistrationNotes.PHONE);
        if (person.isEmpty() || phone == null || !phone.equals(authSession.getAuthNote(RegistrationNotes.PHONE_PROVEN))) {
            RegistrationEvents.EVENTS.refused(context.getEvent(), null, "code_not_verified");
            context.resetFlow();
            return Optional.empty();
        }
        return person;
    }

    private static Response page(AuthenticationFlowContext context, FormMessage error) {
        return NewPasswordForm.page(context.form(), TEMPLATE, error);
    }

    @Override
    public boolean requiresUser() {
        return false;
    }
}
