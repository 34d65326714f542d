package vn.vneid.sso.selfreg;

import java.util.List;
import java.util.Map;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import vn.vneid.sso.config.ConfigValues;
import vn.vneid.sso.limit.IdAddressLimits;
import vn.vneid.sso.phone.registry.SimCheck;

/** The identity step's settings, on the execution {@code vneid-register-identity} in the admin console. */
record RegistrationConfig(IdAddressLimits limits, int minAge, int minValidDays, String populationRegistry,
        String subscriberRegistry) {

    static final String PER_ADDRESS_PER_HOUR = "lookup-limit-per-address-hour";
    static final String PER_ID_PER_DAY = "lookup-limit-per-id-day";
    static final String MIN_AGE = "min-age";
    static final String MIN_VALID_DAYS = "min-valid-days";
    static final String POPULATION_REGISTRY = "population-registry";
    static final String SUBSCRIBER_REGISTRY = "subscriber-registry";

    /**
     * Per address, so the page cannot be used to mine the registry (carrier-grade NAT puts many citizens behind one
     * address; a registration is rare, so 30 an hour is ample), and per number, so a known number's birth date or name
     * cannot be guessed by trying (the year and sex are in the number, 365 dates remain). Every lookup counts,
     * whatever it answered.
     */
    static final IdAddressLimits.Feature LOOKUP_LIMITS = new IdAddressLimits.Feature("vneid.selfreg.limit.",
            "vneidRegisterLimitId", "vneidRegisterLimitAddress", IdAddressLimits.Limit.ADDRESS, 5, 30);

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(PER_ADDRESS_PER_HOUR).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("vneidRegisterLimitPerAddressHour").helpText("vneidRegisterLimitPerAddressHour.tooltip")
            .defaultValue(String.valueOf(LOOKUP_LIMITS.defaultPerAddressPerHour())).add()
            .property().name(PER_ID_PER_DAY).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("vneidRegisterLimitPerIdDay").helpText("vneidRegisterLimitPerIdDay.tooltip")
            .defaultValue(String.valueOf(LOOKUP_LIMITS.defaultPerIdPerDay())).add()
            .property().name(MIN_AGE).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("vneidRegisterMinAge").helpText("vneidRegisterMinAge.tooltip")
            .defaultValue(String.valueOf(RegistrationCheck.DEFAULT_MIN_AGE)).add()
            .property().name(MIN_VALID_DAYS).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("vneidPhoneMinValidDays").helpText("vneidPhoneMinValidDays.tooltip")
            .defaultValue(String.valueOf(SimCheck.DEFAULT_MIN_VALID_DAYS)).add()
            .property().name(POPULATION_REGISTRY).type(ProviderConfigProperty.STRING_TYPE)
            .label("vneidRegisterPopulationRegistry").helpText("vneidRegisterPopulationRegistry.tooltip").add()
            .property().name(SUBSCRIBER_REGISTRY).type(ProviderConfigProperty.STRING_TYPE)
            .label("vneidPhoneRegistry").helpText("vneidPhoneRegistry.tooltip").add()
            .build();

    static RegistrationConfig of(AuthenticatorConfigModel model) {
        Map<String, String> values = model == null || model.getConfig() == null ? Map.of() : model.getConfig();
        return new RegistrationConfig(
                IdAddressLimits.read(LOOKUP_LIMITS, values, PER_ID_PER_DAY, PER_ADDRESS_PER_HOUR),
                // The decree's 14 is a floor: a realm may ask for more, never for less.
                ConfigValues.integer(values, MIN_AGE, RegistrationCheck.DEFAULT_MIN_AGE,
                        RegistrationCheck.DEFAULT_MIN_AGE, 120),
                ConfigValues.integer(values, MIN_VALID_DAYS, SimCheck.DEFAULT_MIN_VALID_DAYS, 0, 3650),
                provider(values.get(POPULATION_REGISTRY)),
                provider(values.get(SUBSCRIBER_REGISTRY)));
    }

    private static String provider(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
