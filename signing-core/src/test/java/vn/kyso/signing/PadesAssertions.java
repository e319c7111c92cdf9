package vn.kyso.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

import vn.kyso.signing.testpki.Pdfsig;
import vn.kyso.signing.testpki.Qpdf;

/** Checks shared by the signing tests: interop peers (pdfsig, qpdf) and Bouncy Castle. */
final class PadesAssertions {

    private static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();

    private PadesAssertions() {
    }

    /** The output starts with every byte of the input. */
    static void assertPrefix(Path original, Path signed) throws IOException {
        assertThat(Files.size(signed)).isGreaterThan(Files.size(original));
        try (InputStream a = new BufferedInputStream(Files.newInputStream(original), 1 << 16);
                InputStream b = new BufferedInputStream(Files.newInputStream(signed), 1 << 16)) {
            byte[] x = new byte[1 << 16];
            byte[] y = new byte[1 << 16];
            int n;
            while ((n = a.readNBytes(x, 0, x.length)) > 0) {
                assertThat(b.readNBytes(y, 0, n)).isEqualTo(n);
                for (int i = 0; i < n; i++) {
                    if (x[i] != y[i]) {
                        throw new AssertionError("the original is not a prefix of the output");
                    }
                }
            }
        }
    }

    /**
     * pdfsig: every CAdES signature valid and its certificate trusted. Poppler 22 cannot validate
     * document timestamps (ETSI.RFC3161: "Signature Type: unknown"); those are checked with BC
     * by {@link #assertDocumentTimestampsVerify}.
     */
    static List<Pdfsig.Result> assertPdfsigValid(Pdfsig pdfsig, Path signed, int expectedSignatures) {
        List<Pdfsig.Result> results = pdfsig.check(signed);
        assertThat(results).as(pdfsig.rawOutput(signed)).hasSize(expectedSignatures);
        for (Pdfsig.Result r : results) {
            if (!"ETSI.CAdES.detached".equals(r.subFilter())) {
                continue;
            }
            assertThat(r.signatureValid()).as("signature #%d: %s", r.number(), pdfsig.rawOutput(signed)).isTrue();
            assertThat(r.certificateTrusted()).as("certificate #%d: %s", r.number(), pdfsig.rawOutput(signed)).isTrue();
        }
        return results;
    }

    static void assertQpdfClean(Path signed) {
        assertThat(Qpdf.check(signed).exitCode()).as(Qpdf.check(signed).output()).isZero();
    }

    /** Every CAdES signature verifies with BC over its byte range and has exactly the PAdES attributes. */
    static List<SignerInformation> assertCmsVerifies(Path signed) throws Exception {
        List<SignerInformation> signers = new ArrayList<>();
        byte[] file = Files.readAllBytes(signed);
        try (PDDocument doc = Loader.loadPDF(new RandomAccessReadBufferedFile(signed))) {
            for (PDSignature sig : doc.getSignatureDictionaries()) {
                if (!"ETSI.CAdES.detached".equals(sig.getSubFilter())) {
                    continue;
                }
                CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(sig.getSignedContent(file)),
                        contentInfo(sig.getContents(file)));
                SignerInformation si = cms.getSignerInfos().getSigners().iterator().next();
                @SuppressWarnings("unchecked")
                X509CertificateHolder cert = (X509CertificateHolder) cms.getCertificates().getMatches(si.getSID())
                        .iterator().next();
                assertThat(si.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(cert))).isTrue();
                List<ASN1ObjectIdentifier> oids = new ArrayList<>();
                for (Attribute a : si.getSignedAttributes().toASN1Structure().getAttributes()) {
                    oids.add(a.getAttrType());
                }
                assertThat(oids).containsExactlyInAnyOrder(CMSAttributes.contentType, CMSAttributes.messageDigest,
                        PKCSObjectIdentifiers.id_aa_signingCertificateV2, CMSAttributes.cmsAlgorithmProtect);
                signers.add(si);
            }
        }
        return signers;
    }

    /** The CMS in /Contents without its zero padding. */
    static org.bouncycastle.asn1.cms.ContentInfo contentInfo(byte[] contents) throws IOException {
        try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(contents)) {
            return org.bouncycastle.asn1.cms.ContentInfo.getInstance(in.readObject());
        }
    }

    /** Every document timestamp's token is signed by its TSA and its imprint covers its byte range. */
    static int assertDocumentTimestampsVerify(Path signed) throws Exception {
        int n = 0;
        byte[] file = Files.readAllBytes(signed);
        try (PDDocument doc = Loader.loadPDF(new RandomAccessReadBufferedFile(signed))) {
            for (PDSignature sig : doc.getSignatureDictionaries()) {
                if (!"ETSI.RFC3161".equals(sig.getSubFilter())) {
                    continue;
                }
                org.bouncycastle.tsp.TimeStampToken token = new org.bouncycastle.tsp.TimeStampToken(
                        new CMSSignedData(contentInfo(sig.getContents(file))));
                @SuppressWarnings("unchecked")
                X509CertificateHolder cert = (X509CertificateHolder) token.getCertificates().getMatches(token.getSID())
                        .iterator().next();
                token.validate(new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(cert));
                byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(sig.getSignedContent(file));
                assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(digest);
                n++;
            }
        }
        return n;
    }

    /** The level's structures are present: signature timestamp, /DSS, document timestamp. */
    static void assertLevelStructure(Path signed, PadesLevel level) throws Exception {
        List<SignerInformation> signers = assertCmsVerifies(signed);
        SignerInformation last = signers.get(signers.size() - 1);
        boolean hasTimestamp = last.getUnsignedAttributes() != null
                && last.getUnsignedAttributes().get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken) != null;
        assertThat(hasTimestamp).isEqualTo(level.atLeast(PadesLevel.B_T));
        try (PDDocument doc = Loader.loadPDF(new RandomAccessReadBufferedFile(signed))) {
            COSDictionary dss = doc.getDocumentCatalog().getCOSObject().getCOSDictionary(COSName.DSS);
            if (level.atLeast(PadesLevel.B_LT)) {
                assertThat(dss).isNotNull();
                assertThat(dss.getCOSArray(COSName.CERTS)).isNotNull();
                assertThat(dss.getCOSArray(COSName.OCSPS).size() + sizeOf(dss.getCOSArray(COSName.CRLS)))
                        .isGreaterThanOrEqualTo(2); // signer and TSA
            } else {
                assertThat(dss).isNull();
            }
            List<PDSignature> sigs = doc.getSignatureDictionaries();
            boolean endsWithDocTimestamp = "ETSI.RFC3161".equals(sigs.get(sigs.size() - 1).getSubFilter());
            assertThat(endsWithDocTimestamp).isEqualTo(level == PadesLevel.B_LTA);
        }
        assertThat(assertDocumentTimestampsVerify(signed) > 0).isEqualTo(level == PadesLevel.B_LTA);
    }

    private static int sizeOf(org.apache.pdfbox.cos.COSArray a) {
        return a == null ? 0 : a.size();
    }
}
