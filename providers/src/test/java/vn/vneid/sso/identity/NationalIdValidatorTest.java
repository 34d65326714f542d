package vn.vneid.sso.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.keycloak.validate.ValidationContext;
import org.keycloak.validate.ValidationError;
import org.keycloak.validate.ValidatorConfig;

class NationalIdValidatorTest {

    private final NationalIdValidator validator = new NationalIdValidator();

    @Test
    void aValidNumberPasses() {
        ValidationContext context = validator.validate("040192004321", "username", new ValidationContext(),
                ValidatorConfig.EMPTY);
        assertThat(context.isValid()).isTrue();
    }

    @Test
    void aMalformedNumberFailsWithTheReasonsMessageKey() {
        ValidationContext context = validator.validate("040192004", "username", new ValidationContext(),
                ValidatorConfig.EMPTY);
        assertThat(context.getErrors()).extracting(ValidationError::getMessage)
                .containsExactly("nationalIdWrongLength");
        context = validator.validate("003192004321", "username", new ValidationContext(), ValidatorConfig.EMPTY);
        assertThat(context.getErrors()).extracting(ValidationError::getMessage)
                .containsExactly("nationalIdUnknownProvince");
    }
}
