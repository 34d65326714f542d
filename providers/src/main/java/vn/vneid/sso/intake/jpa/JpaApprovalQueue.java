package vn.vneid.sso.intake.jpa;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.keycloak.models.utils.KeycloakModelUtils;

import vn.vneid.sso.approval.ActivationCheck;
import vn.vneid.sso.approval.QueuedRecord;
import vn.vneid.sso.intake.EnrolmentStatus;

/**
 * The approval queue and activation over our tables (issue #15 parts 3-4). Every status change is a conditional
 * update ({@code ... where status = :from}): of two officers deciding the same record at once, the database lets exactly
 * one through, and the other learns that the record is no longer pending.
 */
public final class JpaApprovalQueue {

    /** Communes inside a unit: the unit itself when it is a commune, its communes, or its districts' communes. */
    private static final String IN_UNIT = "r.communeId in (select c.id from AdministrativeUnitEntity c where"
            + " c.kind = 'COMMUNE' and (c.id = :unit or c.parentId = :unit or c.parentId in"
            + " (select d.id from AdministrativeUnitEntity d where d.parentId = :unit)))";

    private final EntityManager em;
    private final String realmId;

    public JpaApprovalQueue(EntityManager em, String realmId) {
        this.em = em;
        this.realmId = realmId;
    }

    public boolean unitExists(String unitId) {
        return em.find(AdministrativeUnitEntity.class, unitId) != null;
    }

    public String unitName(String unitId) {
        AdministrativeUnitEntity unit = em.find(AdministrativeUnitEntity.class, unitId);
        return unit == null ? null : unit.getName();
    }

    /** Pending records of the unit (optionally one commune of it), oldest first. */
    public List<QueuedRecord> pending(String unitId, String communeId, int first, int max) {
        TypedQuery<EnrolmentRecordEntity> query = em.createQuery("select r from EnrolmentRecordEntity r where"
                + " r.realmId = :realmId and r.status = :status and " + IN_UNIT
                + (communeId == null ? "" : " and r.communeId = :commune")
                + " order by r.receivedAt asc, r.id asc", EnrolmentRecordEntity.class);
        pendingParameters(query, unitId, communeId);
        return query.setFirstResult(first).setMaxResults(max).getResultStream().map(JpaApprovalQueue::view)
                .toList();
    }

    public long countPending(String unitId, String communeId) {
        TypedQuery<Long> query = em.createQuery("select count(r) from EnrolmentRecordEntity r where"
                + " r.realmId = :realmId and r.status = :status and " + IN_UNIT
                + (communeId == null ? "" : " and r.communeId = :commune"), Long.class);
        pendingParameters(query, unitId, communeId);
        return query.getSingleResult();
    }

    private void pendingParameters(TypedQuery<?> query, String unitId, String communeId) {
        query.setParameter("realmId", realmId).setParameter("status", EnrolmentStatus.PENDING_APPROVAL.name())
                .setParameter("unit", unitId);
        if (communeId != null) {
            query.setParameter("commune", communeId);
        }
    }

    /** The record when it exists in this realm and its commune lies inside the unit. */
    public Optional<QueuedRecord> findInUnit(String recordId, String unitId) {
        return em.createQuery("select r from EnrolmentRecordEntity r where r.id = :id and r.realmId = :realmId and "
                        + IN_UNIT, EnrolmentRecordEntity.class)
                .setParameter("id", recordId).setParameter("realmId", realmId).setParameter("unit", unitId)
                .getResultStream().findFirst().map(JpaApprovalQueue::view);
    }

    public Optional<QueuedRecord> find(String recordId) {
        EnrolmentRecordEntity entity = em.find(EnrolmentRecordEntity.class, recordId);
        return entity == null || !realmId.equals(entity.getRealmId()) ? Optional.empty()
                : Optional.of(view(entity));
    }

    public List<QueuedRecord.HistoryEntry> history(String recordId) {
        return em.createQuery("select e from RecordStatusEventEntity e where e.recordId = :id",
                        RecordStatusEventEntity.class).setParameter("id", recordId).getResultStream()
                .map(e -> new QueuedRecord.HistoryEntry(EnrolmentStatus.valueOf(e.getStatus()), e.getReason(),
                        e.getActor(), e.getCreatedAt()))
                // Intake writes RECEIVED and PENDING_APPROVAL in the same millisecond: the lifecycle orders ties.
                .sorted(Comparator.comparingLong(QueuedRecord.HistoryEntry::at)
                        .thenComparing(QueuedRecord.HistoryEntry::status))
                .toList();
    }

    /** Another record of this national ID approved and waiting for activation. */
    public boolean otherAwaitingActivation(String nationalId, String exceptRecordId) {
        return em.createQuery("select count(r) from EnrolmentRecordEntity r where r.realmId = :realmId and"
                        + " r.nationalId = :nationalId and r.status = :status and r.id <> :id", Long.class)
                .setParameter("realmId", realmId).setParameter("nationalId", nationalId)
                .setParameter("status", EnrolmentStatus.APPROVED.name()).setParameter("id", exceptRecordId)
                .getSingleResult() > 0;
    }

    /** The newest approved record of this national ID (the one an activation code was sent for), if any. */
    public Optional<QueuedRecord> approvedFor(String nationalId) {
        return em.createQuery("select r from EnrolmentRecordEntity r where r.realmId = :realmId and"
                        + " r.nationalId = :nationalId and r.status = :status order by r.decidedAt desc",
                        EnrolmentRecordEntity.class)
                .setParameter("realmId", realmId).setParameter("nationalId", nationalId)
                .setParameter("status", EnrolmentStatus.APPROVED.name()).setMaxResults(1)
                .getResultStream().findFirst().map(JpaApprovalQueue::view);
    }

    /**
     * Moves the record from {@code from} to {@code to} and writes the history entry, only if it still is in
     * {@code from}. The update takes the row's lock, so a concurrent decision waits and then finds nothing to move.
     *
     * @return false when the record was not in {@code from} (any more)
     */
    public boolean move(String recordId, EnrolmentStatus from, EnrolmentStatus to, String actor, String reason,
            long now) {
        int moved = em.createQuery("update EnrolmentRecordEntity r set r.status = :to, r.updatedAt = :now"
                        + " where r.id = :id and r.realmId = :realmId and r.status = :from")
                .setParameter("to", to.name()).setParameter("now", now).setParameter("id", recordId)
                .setParameter("realmId", realmId).setParameter("from", from.name()).executeUpdate();
        if (moved != 1) {
            return false;
        }
        RecordStatusEventEntity event = new RecordStatusEventEntity();
        event.setId(KeycloakModelUtils.generateId());
        event.setRecordId(recordId);
        event.setStatus(to.name());
        event.setReason(reason);
        event.setActor(actor);
        event.setCreatedAt(now);
        em.persist(event);
        return true;
    }

    public void decided(String recordId, String officerId, long now, String userId, String documentNumber) {
        em.createQuery("update EnrolmentRecordEntity r set r.decidedBy = :by, r.decidedAt = :now, r.userId = :user,"
                        + " r.documentNumber = :document where r.id = :id")
                .setParameter("by", officerId).setParameter("now", now).setParameter("user", userId)
                .setParameter("document", documentNumber).setParameter("id", recordId).executeUpdate();
    }

    /** A new activation code (its hash): the previous one stops working, the attempts start again. */
    public void storeCode(String recordId, String hash, String salt, Instant sentAt, Instant expiresAt, int resends) {
        em.createQuery("update EnrolmentRecordEntity r set r.activationCodeHash = :hash, r.activationCodeSalt = :salt,"
                        + " r.activationSentAt = :sent, r.activationExpiresAt = :expires, r.activationAttempts = 0,"
                        + " r.activationResends = :resends where r.id = :id")
                .setParameter("hash", hash).setParameter("salt", salt).setParameter("sent", sentAt.toEpochMilli())
                .setParameter("expires", expiresAt.toEpochMilli()).setParameter("resends", resends)
                .setParameter("id", recordId).executeUpdate();
    }

    public void countAttempt(String recordId) {
        em.createQuery("update EnrolmentRecordEntity r set r.activationAttempts = r.activationAttempts + 1"
                + " where r.id = :id").setParameter("id", recordId).executeUpdate();
    }

    /** The code was used: it can never be used again. */
    public void clearCode(String recordId) {
        em.createQuery("update EnrolmentRecordEntity r set r.activationCodeHash = null, r.activationCodeSalt = null"
                + " where r.id = :id").setParameter("id", recordId).executeUpdate();
    }

    private static QueuedRecord view(EnrolmentRecordEntity r) {
        ActivationCheck.Stored code = r.getActivationCodeHash() == null ? null : new ActivationCheck.Stored(
                r.getPhone(), r.getActivationCodeHash(), r.getActivationCodeSalt(),
                Instant.ofEpochMilli(r.getActivationSentAt()), Instant.ofEpochMilli(r.getActivationExpiresAt()),
                r.getActivationAttempts());
        return new QueuedRecord(r.getId(), r.getDeskId(), r.getDeskRecordId(), r.getNationalId(), r.getFullName(),
                r.getBirthDate(), r.getSex(), r.getPhone(), r.getRequestedLevel(), r.getCommuneId(),
                EnrolmentStatus.valueOf(r.getStatus()), r.getReceivedAt(), r.getDocumentNumber(), r.getUserId(),
                r.getDecidedBy(), r.getDecidedAt(), code, r.getActivationResends());
    }
}
