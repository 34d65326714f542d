package vn.vneid.sso.intake.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One step in a record's history (received, pending approval, approved, rejected with its reason, activated). */
@Entity
@Table(name = "VNEID_RECORD_STATUS_EVENT")
public class RecordStatusEventEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "RECORD_ID", length = 36, nullable = false)
    private String recordId;

    @Column(name = "STATUS", length = 20, nullable = false)
    private String status;

    @Column(name = "REASON", length = 500)
    private String reason;

    /** Who moved it: the desk's client id, or the officer's username. */
    @Column(name = "ACTOR", length = 255, nullable = false)
    private String actor;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRecordId() {
        return recordId;
    }

    public void setRecordId(String recordId) {
        this.recordId = recordId;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }
}
