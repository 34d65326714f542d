package vn.vneid.sso.chip;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The chip step-up's configuration: how long a transaction (QR code) stays valid. The phone change's chip proof
 * reads the same key with the same bounds.
 */
public final class ChipStepUpConfig {

    public static final String TRANSACTION_TTL_SECONDS = "transaction-ttl-seconds";
    static final int DEFAULT_TTL_SECONDS = 120;
    public static final int MIN_TTL_SECONDS = 10;
    public static final int MAX_TTL_SECONDS = 600;

    /** The key as the admin console shows it. */
    public static final List<ProviderConfigProperty> PROPERTIES = List.copyOf(ProviderConfigurationBuilder.create()
            .property().name(TRANSACTION_TTL_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE)
            .label("vneidChipTransactionTtlSeconds").helpText("vneidChipTransactionTtlSeconds.tooltip")
            .defaultValue(String.valueOf(DEFAULT_TTL_SECONDS)).add()
            .build());

    private final Duration transactionTtl;

    private ChipStepUpConfig(Duration transactionTtl) {
        this.transactionTtl = transactionTtl;
    }

    static ChipStepUpConfig of(AuthenticatorConfigModel model) {
        return new ChipStepUpConfig(transactionTtl(model == null ? null : model.getConfig()));
    }

    /** The transaction lifetime set in {@code values}: 120 s when missing or not a number, always 10 s to 10 min. */
    public static Duration transactionTtl(Map<String, String> values) {
        int seconds = DEFAULT_TTL_SECONDS;
        if (values != null) {
            try {
                seconds = Integer.parseInt(values.getOrDefault(TRANSACTION_TTL_SECONDS, "").strip());
            } catch (NumberFormatException e) {
                seconds = DEFAULT_TTL_SECONDS;
            }
        }
        // The challenge is what makes a relayed or replayed chip answer useless: its window stays short (10 s to
        // 10 min) whatever is configured.
        return Duration.ofSeconds(Math.max(MIN_TTL_SECONDS, Math.min(MAX_TTL_SECONDS, seconds)));
    }

    Duration transactionTtl() {
        return transactionTtl;
    }
}
