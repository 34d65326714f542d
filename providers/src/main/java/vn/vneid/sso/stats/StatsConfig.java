package vn.vneid.sso.stats;

/**
 * Server options of the statistics endpoint: {@code --spi-admin-realm-restapi-extension--vneid-stats--max-import-rows}
 * (default 20000 lines per targets file) and {@code --spi-admin-realm-restapi-extension--vneid-stats--demo-data}
 * (default false: the demo loaders do not exist on a production server).
 */
public record StatsConfig(int maxImportRows, boolean demoData) {

    public static final int DEFAULT_MAX_IMPORT_ROWS = 20_000;
}
