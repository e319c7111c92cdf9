package vn.kyso.server.signing;

import java.io.ByteArrayOutputStream;
import java.time.Duration;

import vn.kyso.ca.CertificateRecord;
import vn.kyso.server.security.KysoUser;
import vn.kyso.server.signing.DocumentSigned.Channel;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.PdfSigner;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignResult;
import vn.kyso.signing.VisibleSignature;
import vn.kyso.signing.key.InMemorySigningKey;

/**
 * A checked signing with its key unlocked, for signing documents one at a time (see
 * {@link DocumentSigning#signOneAtATime}). It exists only while the key is open; the caller
 * publishes each document's event with {@link #published} or {@link #failed}, where it wants
 * them (a batch job: in the transaction that stores the document's result).
 */
public final class OneAtATime {

    private final DocumentSigning signing;
    private final PdfSigner signer;
    private final InMemorySigningKey key;
    private final PadesLevel level;
    private final VisibleSignature visible;
    private final String reason;
    private final KysoUser user;
    private final Channel channel;
    private final CertificateRecord certificate;

    OneAtATime(DocumentSigning signing, PdfSigner signer, InMemorySigningKey key, PadesLevel level,
            VisibleSignature visible, String reason, KysoUser user, Channel channel, CertificateRecord certificate) {
        this.signing = signing;
        this.signer = signer;
        this.key = key;
        this.level = level;
        this.visible = visible;
        this.reason = reason;
        this.user = user;
        this.channel = channel;
        this.certificate = certificate;
    }

    /** The PAdES level every document gets. */
    public PadesLevel level() {
        return level;
    }

    /** Signs one document (already checked); a failure is thrown, nothing is published. */
    public SignedDocument sign(Upload upload) {
        SignRequest request = SignRequest.builder(key, level).visible(visible).reason(reason).build();
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(upload.content().length + 65536);
        SignResult result = signer.sign(request, upload.content(), pdf);
        return new SignedDocument(upload.signedName(), pdf.toByteArray(), result);
    }

    /** Publishes the SIGNED event of a document {@link #sign} made. */
    public void published(SignedDocument document, Duration took) {
        signing.publishSigned(user, channel, level, document.result(), took);
    }

    /** The error code a failure of {@link #sign} is recorded with (e.g. CERTIFICATION_FORBIDS_CHANGES). */
    public static String code(RuntimeException failure) {
        return DocumentSigning.code(DocumentSigning.translate(failure));
    }

    /** Publishes the FAILED event of a document {@link #sign} refused; returns the error code. */
    public String failed(Upload upload, RuntimeException failure, Duration took) {
        String code = code(failure);
        signing.publishFailed(user, channel, level, certificate, DocumentSigning.sha256(upload.content()), took, code);
        return code;
    }
}
