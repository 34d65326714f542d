package vn.vneid.sso.chip;

import java.time.Duration;

import org.keycloak.models.AuthenticatorConfigModel;

/** The chip step-up's configuration: how long a transaction (QR code) stays valid. */
final class ChipStepUpConfig {

    static final String TRANSACTION_TTL_SECONDS = "transaction-ttl-seconds";
    static final int DEFAULT_TTL_SECONDS = 120;
    private static final int MAX_TTL_SECONDS = 600;

    private final Duration transactionTtl;

    private ChipStepUpConfig(Duration transactionTtl) {
        this.transactionTtl = transactionTtl;
    }

    static ChipStepUpConfig of(AuthenticatorConfigModel model) {
        int seconds = DEFAULT_TTL_SECONDS;
        if (model != null && model.getConfig() != null) {
            try {
                seconds = Integer.parseInt(model.getConfig().getOrDefault(TRANSACTION_TTL_SECONDS, "").strip());
            } catch (NumberFormatException e) {
                seconds = DEFAULT_TTL_SECONDS;
            }
        }
        // The challenge is what makes a relayed or replayed chip answer useless: its window stays short (10 s to
        // 10 min) whatever is configured.
        return new ChipStepUpConfig(Duration.ofSeconds(Math.max(10, Math.min(MAX_TTL_SECONDS, seconds))));
    }

    Duration transactionTtl() {
        return transactionTtl;
    }
}
