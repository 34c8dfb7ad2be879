package org.switchboard.ordering.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.UUID;

/**
 * An order's document as Ordering knows it: not the bytes, which stay in the claim store, but the
 * reference every message about it carries (claim id, SHA-256, size, media type).
 */
@Embeddable
public class Attachment {

    @Column(name = "attachment_claim_id")
    private UUID claimId;

    @Column(name = "attachment_sha256", length = 64)
    private String sha256;

    @Column(name = "attachment_size")
    private Long size;

    @Column(name = "attachment_media_type", length = 200)
    private String mediaType;

    protected Attachment() {}

    public Attachment(UUID claimId, String sha256, long size, String mediaType) {
        this.claimId = claimId;
        this.sha256 = sha256;
        this.size = size;
        this.mediaType = mediaType;
    }

    public UUID claimId() {
        return claimId;
    }

    public String sha256() {
        return sha256;
    }

    public long size() {
        return size == null ? 0 : size;
    }

    public String mediaType() {
        return mediaType;
    }
}
