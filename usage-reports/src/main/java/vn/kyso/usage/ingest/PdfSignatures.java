package vn.kyso.usage.ingest;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;

import vn.kyso.usage.CertificateRef;
import vn.kyso.usage.IngestResult.SkipReason;
import vn.kyso.usage.ingest.SignatureExtractor.UnreadableDocument;

/**
 * Reads a PDF's signatures with PDFBox and Bouncy Castle: who signed (issuer and serial from the
 * CMS signer identifier, which does not depend on trusting the chain), when (signature timestamp,
 * else the claimed time), and whether the signature value matches the signed bytes. Trust and
 * revocation do not matter for counting use, so they are not checked here.
 */
public final class PdfSignatures implements SignatureExtractor {

    @Override
    public List<FoundSignature> extract(Path pdf) throws UnreadableDocument {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(pdf);
        } catch (IOException e) {
            throw new UnreadableDocument(SkipReason.READ_ERROR, "cannot read the file: " + e.getMessage(), e);
        }
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            PDAcroForm form = doc.getDocumentCatalog().getAcroForm(null);
            List<FoundSignature> found = new ArrayList<>();
            if (form == null) {
                return found;
            }
            for (PDField field : form.getFieldTree()) {
                if (field instanceof PDSignatureField sf && sf.getSignature() != null
                        && !"ETSI.RFC3161".equals(sf.getSignature().getSubFilter())) {
                    found.add(read(sf.getFullyQualifiedName(), sf.getSignature(), bytes));
                }
            }
            return found;
        } catch (InvalidPasswordException e) {
            throw new UnreadableDocument(SkipReason.ENCRYPTED, "the PDF is encrypted", e);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableDocument(SkipReason.NOT_A_PDF, "not a readable PDF: " + e.getMessage(), e);
        }
    }

    private static FoundSignature read(String field, PDSignature signature, byte[] file) throws IOException {
        int[] range = signature.getByteRange();
        if (range == null || range.length != 4 || range[2] + (long) range[3] > file.length) {
            throw new IOException("signature " + field + " has a broken byte range");
        }
        byte[] signed = signature.getSignedContent(file);
        String revision = sha256(file, range[2] + range[3]);
        CMSSignedData cms;
        try {
            // /Contents is zero-padded to its reserved size: read the one ASN.1 object, ignore the rest
            try (ASN1InputStream in = new ASN1InputStream(signature.getContents())) {
                cms = new CMSSignedData(new CMSProcessableByteArray(signed), ContentInfo.getInstance(in.readObject()));
            }
        } catch (Exception e) {
            throw new IOException("signature " + field + " is not CMS (" + e.getMessage() + ")", e);
        }
        SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
        X509CertificateHolder cert = matches.isEmpty() ? null : matches.iterator().next();
        X500Name issuer = signer.getSID().getIssuer() != null ? signer.getSID().getIssuer()
                : cert != null ? cert.getIssuer() : null;
        BigInteger serial = signer.getSID().getSerialNumber() != null ? signer.getSID().getSerialNumber()
                : cert != null ? cert.getSerialNumber() : null;
        if (issuer == null || serial == null) {
            throw new IOException("signature " + field + " names no certificate");
        }
        CertificateRef ref = new CertificateRef(X500Name.getInstance(BCStyle.INSTANCE, issuer).toString(),
                serial.toString(16));
        String subject = cert == null ? null : X500Name.getInstance(BCStyle.INSTANCE, cert.getSubject()).toString();
        return new FoundSignature(field, ref, subject, time(signer, signature), problem(signer, cert), revision);
    }

    private static String problem(SignerInformation signer, X509CertificateHolder cert) {
        if (cert == null) {
            return "the signer's certificate is not embedded; the signature cannot be checked";
        }
        try {
            return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert)) ? null
                    : "the signature value does not match the signed bytes";
        } catch (Exception e) {
            return "the signature does not verify: " + e.getMessage();
        }
    }

    /** The signature timestamp's time when there is one, else the claimed signing time. */
    private static Instant time(SignerInformation signer, PDSignature signature) {
        AttributeTable unsigned = signer.getUnsignedAttributes();
        Attribute ts = unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (ts != null && ts.getAttrValues().size() > 0) {
            try {
                ASN1Encodable token = ts.getAttrValues().getObjectAt(0);
                return new TimeStampToken(new CMSSignedData(token.toASN1Primitive().getEncoded()))
                        .getTimeStampInfo().getGenTime().toInstant();
            } catch (Exception e) {
                // an unreadable timestamp leaves the claimed time
            }
        }
        AttributeTable signedAttrs = signer.getSignedAttributes();
        Attribute st = signedAttrs == null ? null : signedAttrs.get(PKCSObjectIdentifiers.pkcs_9_at_signingTime);
        if (st != null) {
            try {
                return org.bouncycastle.asn1.cms.Time.getInstance(st.getAttrValues().getObjectAt(0)).getDate().toInstant();
            } catch (RuntimeException e) {
                // fall through to /M
            }
        }
        return signature.getSignDate() == null ? null : signature.getSignDate().toInstant();
    }

    private static String sha256(byte[] data, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(data, 0, length);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
