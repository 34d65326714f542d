package vn.vneid.sso.selfreg;

import java.util.List;
import java.util.Map;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

import vn.vneid.sso.config.ConfigValues;
import vn.vneid.sso.phone.registry.SimCheck;

/** The identity step's settings, on the execution {@code vneid-register-identity} in the admin console. */
record RegistrationConfig(LookupLimits limits, int minAge, int minValidDays, String populationRegistry,
        String subscriberRegistry) {

    static final String PER_ADDRESS_PER_HOUR = "lookup-limit-per-address-hour";
    static final String PER_ID_PER_DAY = "lookup-limit-per-id-day";
    static final String MIN_AGE = "min-age";
    static final String MIN_VALID_DAYS = "min-valid-days";
    static final String POPULATION_REGISTRY = "population-registry";
    static final String SUBSCRIBER_REGISTRY = "subscriber-registry";

    static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(PER_ADDRESS_PER_HOUR).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("vneidRegisterLimitPerAddressHour").helpText("vneidRegisterLimitPerAddressHour.tooltip")
            .defaultValue(String.valueOf(LookupLimits.DEFAULT_PER_ADDRESS_PER_HOUR)).add()
            .property().name(PER_ID_PER_DAY).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("vneidRegisterLimitPerIdDay").helpText("vneidRegisterLimitPerIdDay.tooltip")
            .defaultValue(String.valueOf(LookupLimits.DEFAULT_PER_ID_PER_DAY)).add()
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
                new LookupLimits(
                        ConfigValues.integer(values, PER_ADDRESS_PER_HOUR, LookupLimits.DEFAULT_PER_ADDRESS_PER_HOUR,
                                0, 1_000_000),
                        ConfigValues.integer(values, PER_ID_PER_DAY, LookupLimits.DEFAULT_PER_ID_PER_DAY, 0, 1000)),
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
