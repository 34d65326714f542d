package vn.vneid.sso.intake.jpa;

import java.util.Optional;

import jakarta.persistence.EntityManager;

import org.keycloak.models.utils.KeycloakModelUtils;

import vn.vneid.sso.intake.DeskRecord;
import vn.vneid.sso.intake.EnrolmentRecords;
import vn.vneid.sso.intake.EnrolmentStatus;

/** Enrolment records of one realm in our tables; entities never leave this class. */
public final class JpaEnrolmentRecords implements EnrolmentRecords {

    private final EntityManager em;
    private final String realmId;
    private final long now;

    public JpaEnrolmentRecords(EntityManager em, String realmId, long now) {
        this.em = em;
        this.realmId = realmId;
        this.now = now;
    }

    @Override
    public Optional<String> fingerprintOf(String deskId, String deskRecordId) {
        return em.createNamedQuery("vneidRecordByDeskRecordId", EnrolmentRecordEntity.class)
                .setParameter("realmId", realmId).setParameter("deskId", deskId)
                .setParameter("deskRecordId", deskRecordId)
                .getResultStream().findFirst().map(EnrolmentRecordEntity::getFingerprint);
    }

    @Override
    public void add(String deskId, DeskRecord record, String fingerprint) {
        EnrolmentRecordEntity entity = new EnrolmentRecordEntity();
        entity.setId(KeycloakModelUtils.generateId());
        entity.setRealmId(realmId);
        entity.setDeskId(deskId);
        entity.setDeskRecordId(record.deskRecordId());
        entity.setNationalId(record.nationalId());
        entity.setFullName(record.fullName());
        entity.setBirthDate(record.birthDate());
        entity.setSex(record.sex().claimValue());
        entity.setPhone(record.phone());
        entity.setRequestedLevel(record.requestedLevel());
        entity.setCommuneId(communeId(record.communeCode()));
        // Issue #15 part 3: a level-2 record needs nothing more than an officer's decision, so it enters the queue at
        // once; the history still shows that it was received first.
        EnrolmentStatus status = EnrolmentStatus.initial(record.requestedLevel());
        entity.setStatus(status.name());
        entity.setFingerprint(fingerprint);
        entity.setReceivedAt(now);
        entity.setUpdatedAt(now);
        em.persist(entity);

        RecordStatusEventEntity event = new RecordStatusEventEntity();
        event.setId(KeycloakModelUtils.generateId());
        event.setRecordId(entity.getId());
        event.setStatus(EnrolmentStatus.RECEIVED.name());
        event.setActor(deskId);
        event.setCreatedAt(now);
        em.persist(event);
        if (status != EnrolmentStatus.RECEIVED) {
            RecordStatusEventEntity queued = new RecordStatusEventEntity();
            queued.setId(KeycloakModelUtils.generateId());
            queued.setRecordId(entity.getId());
            queued.setStatus(status.name());
            queued.setActor(deskId);
            queued.setCreatedAt(now);
            em.persist(queued);
        }
    }

    @Override
    public boolean communeExists(String communeCode) {
        return em.find(AdministrativeUnitEntity.class, communeId(communeCode)) != null;
    }

    private static String communeId(String code) {
        return AdministrativeUnitEntity.COMMUNE + ":" + code;
    }
}
