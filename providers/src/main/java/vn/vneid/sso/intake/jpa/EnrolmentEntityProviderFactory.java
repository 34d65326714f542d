package vn.vneid.sso.intake.jpa;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Our tables (issue #15). The id names the Liquibase history table, {@code DATABASECHANGELOG_VNEID_ENRO} (the first
 * ten characters, upper case): renaming it would make Liquibase run every changeset again on an existing database.
 * Never rename it.
 */
public final class EnrolmentEntityProviderFactory implements JpaEntityProviderFactory {

    public static final String PROVIDER_ID = "vneid-enrolment";
    static final String CHANGELOG = "META-INF/vneid-enrolment-changelog-master.xml";

    // Keycloak's Quarkus build finds entities in its build-time index; this list is what the SPI asks for.
    private static final List<Class<?>> ENTITIES = List.of(AdministrativeUnitEntity.class, UnitTargetEntity.class,
            EnrolmentRecordEntity.class, RecordStatusEventEntity.class);

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return new JpaEntityProvider() {
            @Override
            public List<Class<?>> getEntities() {
                return ENTITIES;
            }

            @Override
            public String getChangelogLocation() {
                return CHANGELOG;
            }

            @Override
            public String getFactoryId() {
                return PROVIDER_ID;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
