package vn.kyso.server.csc;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Service;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.server.config.KysoProperties;
import vn.kyso.server.csc.CscException.Error;
import vn.kyso.server.csc.SadStore.Sad;
import vn.kyso.server.security.KysoUser;
import vn.kyso.server.signing.DocumentSigned.Channel;
import vn.kyso.server.signing.DocumentSigning;
import vn.kyso.server.signing.SignedDocument;
import vn.kyso.server.signing.SigningLayout;
import vn.kyso.server.signing.SigningOrder;
import vn.kyso.server.signing.SigningRefusedException;
import vn.kyso.server.signing.SigningStep;
import vn.kyso.server.signing.Upload;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.SigningException;

/**
 * {@code signatures/signDoc} for PDFs: kyso's own signing service makes the PAdES signature
 * (B-B to B-LTA with kyso's TSA and OCSP, kyso's layouts), opening the key with the SAD of a
 * {@code credentials/authorize} given for that many documents. The signing service publishes
 * the usage events; the SAD is spent like signHash's.
 */
@Service
class CscDocuments {

    private final DocumentSigning signing;
    private final CscSignatures signatures;
    private final SadStore sads;
    private final CertificateAuthority ca;
    private final long maxDocumentBytes;

    CscDocuments(DocumentSigning signing, CscSignatures signatures, SadStore sads, CertificateAuthority ca,
            KysoProperties kyso) {
        this.signing = signing;
        this.signatures = signatures;
        this.sads = sads;
        this.ca = ca;
        this.maxDocumentBytes = kyso.limits().maxUploadSize().toBytes();
    }

    /** One document of the request: base64 PDF, "P" (PAdES), and the level as the spec names it. */
    record Document(String document, String signatureFormat, String conformanceLevel) {
    }

    List<String> signDoc(KysoUser user, String credentialId, String sad, List<Document> documents,
            SigningLayout layout) {
        if (documents == null || documents.isEmpty()) {
            throw new CscException(Error.INVALID_REQUEST, "Missing (or invalid type) array parameter documents");
        }
        PadesLevel level = null;
        List<Upload> uploads = new ArrayList<>();
        for (Document d : documents) {
            if (d.signatureFormat() != null && !d.signatureFormat().equals("P")) {
                throw new CscException(Error.INVALID_REQUEST, "Invalid parameter signature_format (only \"P\", PAdES)");
            }
            PadesLevel asked = level(d.conformanceLevel());
            if (level != null && asked != level) {
                throw new CscException(Error.INVALID_REQUEST, "All documents of one request take one conformance_level");
            }
            level = asked;
            uploads.add(new Upload("document-" + (uploads.size() + 1) + ".pdf", decode(d.document())));
        }
        Sad row = signatures.usableSad(user, credentialId, sad);
        if (!row.hashes().isEmpty()) {
            throw new CscException(Error.INVALID_REQUEST, "The SAD was given for hashes: use signatures/signHash");
        }
        if (uploads.size() > row.signatures()) {
            throw new CscException(Error.INVALID_REQUEST, "The SAD allows " + row.signatures() + " signature(s)");
        }
        if (!sads.take(sad.strip())) {
            throw new CscException(Error.INVALID_REQUEST, "The SAD was used already");
        }
        try {
            List<SignedDocument> signed = signing.sign(user, Channel.CSC,
                    new SigningOrder(SigningStep.SIGN, row.serial(), null, level, layout, sad.strip()), uploads);
            ca.audit(user.getUsername(), "CSC_SIGN_DOC", row.serial(), signed.size() + " PDF(s), " + level);
            return signed.stream().map(s -> Base64.getEncoder().encodeToString(s.pdf())).toList();
        } catch (SigningRefusedException e) {
            throw CscErrors.of(e);
        } catch (SigningException e) {
            throw new CscException(Error.INVALID_REQUEST, "The document cannot be signed: " + e.code().name());
        } finally {
            signatures.endRest(user, row, uploads.size());
        }
    }

    private byte[] decode(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new CscException(Error.INVALID_REQUEST, "Missing (or invalid type) string parameter document");
        }
        if (base64.length() / 4L * 3 > maxDocumentBytes + 3) {
            throw new CscException(Error.INVALID_REQUEST, "A document is larger than kyso.limits.max-upload-size");
        }
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new CscException(Error.INVALID_REQUEST, "Invalid Base64 document string parameter");
        }
    }

    /** The spec's conformance levels (AdES-B-B ... AdES-B-LTA); none: kyso's default level. */
    static PadesLevel level(String conformance) {
        if (conformance == null || conformance.isBlank()) {
            return null;
        }
        return switch (conformance.strip().toUpperCase(Locale.ROOT)) {
            case "ADES-B-B", "ADES-B" -> PadesLevel.B_B;
            case "ADES-B-T", "ADES-T" -> PadesLevel.B_T;
            case "ADES-B-LT", "ADES-LT" -> PadesLevel.B_LT;
            case "ADES-B-LTA", "ADES-LTA" -> PadesLevel.B_LTA;
            default -> throw new CscException(Error.INVALID_REQUEST, "Invalid parameter conformance_level");
        };
    }
}
