package vn.kyso.signing.appearance;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Calendar;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureInterface;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import vn.kyso.signing.VisibleSignature;
import vn.kyso.signing.testpki.TestPki;

/** Signs with PDFBox directly (a real detached CMS from Bouncy Castle) using the laid-out appearance. */
final class TestSigning {

    private TestSigning() {
    }

    static byte[] sign(byte[] pdf, VisibleSignature spec, AppearanceContext context, TestPki.Credential signer)
            throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf);
                SignatureOptions options = SignatureAppearances.layOut(document, spec, context)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(context.signerName());
            signature.setSignDate(Calendar.getInstance());
            document.addSignature(signature, cms(signer), options);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.saveIncremental(out);
            return out.toByteArray();
        }
    }

    private static SignatureInterface cms(TestPki.Credential signer) {
        return content -> {
            try {
                CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
                generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                        new JcaDigestCalculatorProviderBuilder().build())
                        .build(new JcaContentSignerBuilder(TestPki.signatureAlgorithm(signer.privateKey()))
                                .build(signer.privateKey()), signer.certificate()));
                generator.addCertificates(new JcaCertStore(signer.chain()));
                return generator.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
            } catch (Exception e) {
                throw new IOException("test CMS signing failed", e);
            }
        };
    }
}
