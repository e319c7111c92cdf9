package vn.kyso.usage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Calendar;
import java.util.Date;
import java.util.GregorianCalendar;
import java.util.TimeZone;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import vn.kyso.signing.testpki.TestPki;

/** Builds test PDFs: plain ones, and ones signed (CAdES-detached CMS) with a test credential. */
final class TestPdfs {

    private TestPdfs() {
    }

    /** A one-page PDF whose content stream is uncompressed and reads "Hello kyso". */
    static Path plain(Path file) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDPage page = new PDPage();
            doc.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(doc, page, PDPageContentStream.AppendMode.OVERWRITE,
                    false)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(72, 700);
                cs.showText("Hello kyso " + file.getFileName());
                cs.endText();
            }
            doc.save(file.toFile());
        }
        return file;
    }

    /** Signs {@code in} into {@code out} (an incremental update) at the claimed time {@code at}. */
    static Path sign(Path in, Path out, TestPki.Credential signer, Instant at) throws IOException {
        byte[] original = Files.readAllBytes(in);
        try (PDDocument doc = Loader.loadPDF(original); OutputStream os = Files.newOutputStream(out)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            when.setTime(Date.from(at));
            signature.setSignDate(when);
            doc.addSignature(signature, content -> {
                try {
                    CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
                    AttributeTable claimed = new AttributeTable(
                            new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(at)))));
                    gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(
                            new JcaDigestCalculatorProviderBuilder().build())
                            .setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(claimed))
                            .build(new JcaContentSignerBuilder(TestPki.signatureAlgorithm(signer.privateKey()))
                                    .build(signer.privateKey()), signer.certificate()));
                    gen.addCertificates(new JcaCertStore(signer.chain()));
                    return gen.generate(new CMSProcessableByteArray(content.readAllBytes()), false).toASN1Structure()
                            .getEncoded("DER");
                } catch (Exception e) {
                    throw new IOException(e);
                }
            });
            doc.saveIncremental(os);
        }
        return out;
    }
}
