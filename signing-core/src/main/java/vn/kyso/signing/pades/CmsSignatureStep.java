package vn.kyso.signing.pades;

import java.io.OutputStream;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Function;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.SigningException.ErrorCode;
import vn.kyso.signing.appearance.AppearanceContext;
import vn.kyso.signing.appearance.SignatureAppearances;
import vn.kyso.signing.cms.CadesSignedData;

/**
 * The incremental update that holds the CMS signature: opens the document, checks it may be
 * signed, adds the field (visible or not, certifying or not) and writes it, retrying once with
 * a larger /Contents when the estimate was short.
 */
final class CmsSignatureStep {

    /** What the step wrote. */
    record Written(String fieldName, int[] byteRange) {
    }

    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    private CmsSignatureStep() {
    }

    /**
     * @param contentsFor from the byte-range digest to the /Contents bytes (the CMS, or nothing when preparing)
     */
    static Written write(PdfSource in, OutputStream out, SignRequest request, Instant claimedTime, int reserved,
            Function<byte[], byte[]> contentsFor) {
        int size = reserved;
        for (int attempt = 0;; attempt++) {
            try {
                return writeOnce(in, out, request, claimedTime, size, contentsFor);
            } catch (SignatureIncrement.PlaceholderTooSmall e) {
                if (attempt > 0) {
                    throw new SigningException(ErrorCode.INVALID_REQUEST, "the signature does not fit its field", e);
                }
                size = e.needed() + 2048;
            }
        }
    }

    private static Written writeOnce(PdfSource in, OutputStream out, SignRequest request, Instant claimedTime,
            int reserved, Function<byte[], byte[]> contentsFor) {
        X509Certificate cert = request.key().certificate();
        try (PDDocument doc = PdfOpener.openToAddField(in)) {
            SignatureFields.checkMayAddSignature(doc, request);
            PDSignature signature = SignatureFields.cadesSignature(request, commonName(cert), claimedTime);
            if (request.certification() != null) {
                DocMdp.certify(doc, signature, request.certification());
            }
            SignatureOptions options = request.visible() == null ? new SignatureOptions()
                    : SignatureAppearances.layOut(doc, request.visible(), new AppearanceContext(commonName(cert),
                            attribute(cert, BCStyle.O), claimedTime.atZone(VIETNAM)));
            try (options) {
                SignatureIncrement.add(doc, signature, options, reserved);
                String name = SignatureFields.nameField(doc, signature, request.fieldName());
                SignatureIncrement.write(doc, reserved, request.digest(), contentsFor::apply, out);
                return new Written(name, signature.getByteRange());
            }
        } catch (java.io.IOException e) {
            throw new SigningException(ErrorCode.IO_ERROR, "cannot write the signed PDF: " + e.getMessage(), e);
        }
    }

    /** The /Contents size to reserve: the CMS estimate plus the token when one will be embedded. */
    static int estimate(SignRequest request, int tokenSize) {
        return CadesSignedData.estimateSize(request.key().certificateChain(),
                signatureSize(request.key().certificate().getPublicKey()), tokenSize);
    }

    static int signatureSize(PublicKey key) {
        if (key instanceof RSAPublicKey rsa) {
            return (rsa.getModulus().bitLength() + 7) / 8;
        }
        if (key instanceof ECPublicKey ec) {
            return 2 * ((ec.getParams().getCurve().getField().getFieldSize() + 7) / 8) + 9;
        }
        return 1024;
    }

    static String commonName(X509Certificate cert) {
        String cn = attribute(cert, BCStyle.CN);
        return cn != null ? cn : cert.getSubjectX500Principal().getName();
    }

    private static String attribute(X509Certificate cert, org.bouncycastle.asn1.ASN1ObjectIdentifier oid) {
        X500Name name = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded());
        RDN[] rdns = name.getRDNs(oid);
        if (rdns.length == 0) {
            return null;
        }
        ASN1Encodable value = rdns[0].getFirst().getValue();
        return value instanceof ASN1String str ? str.getString() : IETFUtils.valueToString(value);
    }
}
