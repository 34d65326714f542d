package vn.vneid.sso.intake.jpa;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * An enrolment record received from a one-stop desk. {@code (REALM_ID, DESK_ID, DESK_RECORD_ID)} is unique: a desk's
 * record is stored once however often it is sent. {@code STATUS} is the latest of its status events.
 */
@Entity
@Table(name = "VNEID_ENROLMENT_RECORD")
@NamedQuery(name = "vneidRecordByDeskRecordId", query = "select r from EnrolmentRecordEntity r where "
        + "r.realmId = :realmId and r.deskId = :deskId and r.deskRecordId = :deskRecordId")
public class EnrolmentRecordEntity {

    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    /** The desk system's client id, from its token: a desk cannot write under another desk's name. */
    @Column(name = "DESK_ID", length = 255, nullable = false)
    private String deskId;

    @Column(name = "DESK_RECORD_ID", length = 64, nullable = false)
    private String deskRecordId;

    @Column(name = "NATIONAL_ID", length = 12, nullable = false)
    private String nationalId;

    @Column(name = "FULL_NAME", length = 255, nullable = false)
    private String fullName;

    @Column(name = "BIRTH_DATE", nullable = false)
    private LocalDate birthDate;

    @Column(name = "SEX", length = 6, nullable = false)
    private String sex;

    @Column(name = "PHONE", length = 16, nullable = false)
    private String phone;

    @Column(name = "REQUESTED_LEVEL", nullable = false)
    private int requestedLevel;

    @Column(name = "COMMUNE_ID", length = 20, nullable = false)
    private String communeId;

    @Column(name = "STATUS", length = 20, nullable = false)
    private String status;

    /** SHA-256 of the record's canonical form: tells a re-sent record from a conflicting one. */
    @Column(name = "FINGERPRINT", length = 64, nullable = false)
    private String fingerprint;

    @Column(name = "RECEIVED_AT", nullable = false)
    private long receivedAt;

    @Column(name = "UPDATED_AT", nullable = false)
    private long updatedAt;

    /** The chip card's document number (the last 9 digits of the number, ICAO 9303 TD1), recorded at approval. */
    @Column(name = "DOCUMENT_NUMBER", length = 9)
    private String documentNumber;

    /** The account the approval created or upgraded. */
    @Column(name = "USER_ID", length = 36)
    private String userId;

    /** The officer (user id) who approved or rejected. */
    @Column(name = "DECIDED_BY", length = 36)
    private String decidedBy;

    @Column(name = "DECIDED_AT")
    private Long decidedAt;

    /** Salted hash of the activation code, keyed with the server's code hash key: the code is never stored. */
    @Column(name = "ACTIVATION_CODE_HASH", length = 64)
    private String activationCodeHash;

    @Column(name = "ACTIVATION_CODE_SALT", length = 32)
    private String activationCodeSalt;

    @Column(name = "ACTIVATION_SENT_AT")
    private Long activationSentAt;

    @Column(name = "ACTIVATION_EXPIRES_AT")
    private Long activationExpiresAt;

    @Column(name = "ACTIVATION_ATTEMPTS", nullable = false)
    private int activationAttempts;

    @Column(name = "ACTIVATION_RESENDS", nullable = false)
    private int activationResends;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getDeskId() {
        return deskId;
    }

    public void setDeskId(String deskId) {
        this.deskId = deskId;
    }

    public String getDeskRecordId() {
        return deskRecordId;
    }

    public void setDeskRecordId(String deskRecordId) {
        this.deskRecordId = deskRecordId;
    }

    public String getNationalId() {
        return nationalId;
    }

    public void setNationalId(String nationalId) {
        this.nationalId = nationalId;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    public String getSex() {
        return sex;
    }

    public void setSex(String sex) {
        this.sex = sex;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public int getRequestedLevel() {
        return requestedLevel;
    }

    public void setRequestedLevel(int requestedLevel) {
        this.requestedLevel = requestedLevel;
    }

    public String getCommuneId() {
        return communeId;
    }

    public void setCommuneId(String communeId) {
        this.communeId = communeId;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public void setFingerprint(String fingerprint) {
        this.fingerprint = fingerprint;
    }

    public long getReceivedAt() {
        return receivedAt;
    }

    public void setReceivedAt(long receivedAt) {
        this.receivedAt = receivedAt;
    }

    public long getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(long updatedAt) {
        this.updatedAt = updatedAt;
    }

    public String getDocumentNumber() {
        return documentNumber;
    }

    public void setDocumentNumber(String documentNumber) {
        this.documentNumber = documentNumber;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public void setDecidedBy(String decidedBy) {
        this.decidedBy = decidedBy;
    }

    public Long getDecidedAt() {
        return decidedAt;
    }

    public void setDecidedAt(Long decidedAt) {
        this.decidedAt = decidedAt;
    }

    public String getActivationCodeHash() {
        return activationCodeHash;
    }

    public void setActivationCodeHash(String activationCodeHash) {
        this.activationCodeHash = activationCodeHash;
    }

    public String getActivationCodeSalt() {
        return activationCodeSalt;
    }

    public void setActivationCodeSalt(String activationCodeSalt) {
        this.activationCodeSalt = activationCodeSalt;
    }

    public Long getActivationSentAt() {
        return activationSentAt;
    }

    public void setActivationSentAt(Long activationSentAt) {
        this.activationSentAt = activationSentAt;
    }

    public Long getActivationExpiresAt() {
        return activationExpiresAt;
    }

    public void setActivationExpiresAt(Long activationExpiresAt) {
        this.activationExpiresAt = activationExpiresAt;
    }

    public int getActivationAttempts() {
        return activationAttempts;
    }

    public void setActivationAttempts(int activationAttempts) {
        this.activationAttempts = activationAttempts;
    }

    public int getActivationResends() {
        return activationResends;
    }

    public void setActivationResends(int activationResends) {
        this.activationResends = activationResends;
    }
}
