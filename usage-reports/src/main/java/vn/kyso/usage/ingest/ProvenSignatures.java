package vn.kyso.usage.ingest;

import java.time.Instant;
import java.util.Optional;

import vn.kyso.usage.CertificateStatus;
import vn.kyso.usage.RejectionReason;
import vn.kyso.usage.inventory.CertificateInventory;
import vn.kyso.usage.inventory.CertificateInventory.Holder;

/**
 * Decides whether a found signature is proven use of a certificate in the inventory: intact, its
 * verifying certificate the inventory's own (by encoding or key), and that certificate valid and
 * not revoked at the time the evidence supports. That time is a valid signature timestamp's, else
 * the time of ingestion: a time the signer claims proves nothing about the past, so a back-dated
 * signature counts (if at all) when it was first shown to kyso.
 */
final class ProvenSignatures {

    /** A proven signature: whose, and when it counts. */
    record Proven(Holder holder, Instant at) {
    }

    /** The verdict: proven, or the reason it is not. */
    record Judgement(Proven proven, RejectionReason reason, String detail, Instant evidenceTime) {
        static Judgement rejected(RejectionReason reason, String detail, Instant evidenceTime) {
            return new Judgement(null, reason, detail, evidenceTime);
        }
    }

    private final CertificateInventory inventory;

    ProvenSignatures(CertificateInventory inventory) {
        this.inventory = inventory;
    }

    Judgement judge(FoundSignature s, Instant ingestedAt) {
        Instant at = s.timestampTime() != null ? s.timestampTime() : ingestedAt;
        if (s.signerCertificate() == null || s.signatureId() == null) {
            return Judgement.rejected(RejectionReason.NOT_INTACT,
                    s.problem() != null ? s.problem() : "the signature does not verify", at);
        }
        Optional<Holder> found = inventory.holder(s.signerCertificate(), at);
        if (found.isEmpty()) {
            return Judgement.rejected(RejectionReason.NOT_IN_INVENTORY, "the signing certificate (subject "
                    + s.signerCertificate().getSubjectX500Principal().getName() + ") is not a certificate of the"
                    + " inventory: neither its encoding nor its key matches one", at);
        }
        Holder h = found.get();
        if (h.notBefore() == null || h.notAfter() == null) {
            return Judgement.rejected(RejectionReason.NO_VALIDITY, "the inventory does not know when certificate "
                    + h.ref().serial() + " is valid", at);
        }
        if (at.isBefore(h.notBefore())) {
            return Judgement.rejected(RejectionReason.NOT_YET_VALID, "certificate " + h.ref().serial()
                    + " is valid from " + h.notBefore() + ", after " + at, at);
        }
        if (at.isAfter(h.notAfter())) {
            return Judgement.rejected(RejectionReason.EXPIRED, "certificate " + h.ref().serial() + " expired "
                    + h.notAfter() + ", before " + at, at);
        }
        if (h.status() == CertificateStatus.REVOKED && (h.revokedAt() == null || !at.isBefore(h.revokedAt()))) {
            return Judgement.rejected(RejectionReason.REVOKED, "certificate " + h.ref().serial() + " was revoked "
                    + (h.revokedAt() == null ? "" : h.revokedAt() + ", ") + "not after " + at, at);
        }
        if (h.status() == CertificateStatus.SUSPENDED && s.timestampTime() == null) {
            return Judgement.rejected(RejectionReason.SUSPENDED, "certificate " + h.ref().serial()
                    + " is suspended and no timestamp proves the signature older", at);
        }
        return new Judgement(new Proven(h, at), null, null, at);
    }
}
