package vn.kyso.signing.verify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import java.util.function.UnaryOperator;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import vn.kyso.signing.DigestAlgorithm;
import vn.kyso.signing.testpki.TestPki;

/**
 * A small test-only PAdES signer (PDFBox incremental signing + Bouncy Castle CMS) that can also
 * make deliberately malformed signatures. Not the product signer: that is {@code PdfSigner}.
 */
public final class TestSigner {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();

    /** How to sign. */
    record Options(TestPki.Credential credential, DigestAlgorithm digest, boolean pss, String subFilter,
            boolean includeChain, boolean essV2, Instant signingTime, TestTsa tsa, int certifyP,
            UnaryOperator<byte[]> tamperCms, X509Certificate essFor, String lockedField) {

        static Options of(TestPki.Credential credential, Instant signingTime) {
            return new Options(credential, DigestAlgorithm.SHA256, false, "ETSI.CAdES.detached", true, true,
                    signingTime,
                    null, 0, UnaryOperator.identity(), null, null);
        }

        Options withTsa(TestTsa t) {
            return new Options(credential, digest, pss, subFilter, includeChain, essV2,
                    signingTime, t, certifyP, tamperCms, essFor, lockedField);
        }

        Options withDigest(DigestAlgorithm d, boolean usePss) {
            return new Options(credential, d, usePss, subFilter, includeChain, essV2,
                    signingTime, tsa, certifyP, tamperCms, essFor, lockedField);
        }

        Options withSubFilter(String s, boolean ess) {
            return new Options(credential, digest, pss, s, includeChain, ess,
                    signingTime, tsa, certifyP, tamperCms, essFor, lockedField);
        }

        Options withoutCertificates() {
            return new Options(credential, digest, pss, subFilter, false, essV2,
                    signingTime, tsa, certifyP, tamperCms, essFor, lockedField);
        }

        Options certifying(int p) {
            return new Options(credential, digest, pss, subFilter, includeChain, essV2,
                    signingTime, tsa, p, tamperCms, essFor, lockedField);
        }

        /** The ESS signing-certificate-v2 attribute names {@code other} instead of the signer's certificate. */
        Options withEssFor(X509Certificate other) {
            return new Options(credential, digest, pss, subFilter, includeChain, essV2,
                    signingTime, tsa, certifyP, tamperCms,
                    other, lockedField);
        }

        /** The signature locks the field {@code field} (FieldMDP, /Action /Include). */
        Options locking(String field) {
            return new Options(credential, digest, pss, subFilter, includeChain, essV2,
                    signingTime, tsa, certifyP, tamperCms, essFor, field);
        }

        Options withCredential(TestPki.Credential c) {
            return new Options(c, digest, pss, subFilter, includeChain, essV2,
                    signingTime, tsa, certifyP, tamperCms, essFor, lockedField);
        }
    }

    private TestSigner() {
    }

    /** Signs {@code pdf} in a new incremental update. */
    static byte[] sign(byte[] pdf, Options o) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(COSName.getPDFName(o.subFilter()));
            signature.setName(o.credential().certificate().getSubjectX500Principal().getName());
            signature.setSignDate(calendar(o.signingTime()));
            if (o.certifyP() > 0) {
                certify(doc, signature, o.certifyP());
            }
            if (o.lockedField() != null) {
                lock(signature, o.lockedField());
            }
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(24_000);
                doc.addSignature(signature, content -> o.tamperCms().apply(cms(content.readAllBytes(), o)), options);
                return TestDocuments.saveIncremental(doc);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A detached CMS SignedData over {@code content}. */
    static byte[] cms(byte[] content, Options o) {
        try {
            X509Certificate cert = o.credential().certificate();
            String keyAlg = o.credential().privateKey().getAlgorithm();
            String hash = o.digest().jcaName().replace("-", "");

                           String algorithm = keyAlg.startsWith("EC") ? hash + "withECDSA" : o.pss() ? hash + "withRSAandMGF1" : hash + "withRSA";
            JcaSignerInfoGeneratorBuilder info = new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().setProvider(BC).build());
            if (o.essV2()) {
                X509Certificate named = o.essFor() != null ? o.essFor() : cert;
                byte[] certHash = MessageDigest.getInstance("SHA-256").digest(named.getEncoded());
                IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(
                        X500Name.getInstance(named.getIssuerX500Principal().getEncoded()))), named.getSerialNumber());
                ASN1EncodableVector attrs = new ASN1EncodableVector();
                attrs.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(

                                       new ESSCertIDv2[] { new ESSCertIDv2(new AlgorithmIdentifier(DigestAlgorithm.SHA256.oid()), certHash,
                                issuerSerial) }))));
                info.setSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attrs)));
            }
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(info.build(
                    new JcaContentSignerBuilder(algorithm).setProvider(BC).build(o.credential().privateKey()), cert));
            if (o.includeChain()) {
                generator.addCertificates(new JcaCertStore(o.credential().chain()));
            }
            CMSSignedData data = generator.generate(new CMSProcessableByteArray(content), false);
            if (o.tsa() != null) {
                SignerInformation si = data.getSignerInfos().getSigners().iterator().next();
                byte[] token = o.tsa().stamp(si.getSignature());

                               AttributeTable unsigned = new AttributeTable(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                        new DERSet(ASN1Primitive.fromByteArray(token))));
                data = CMSSignedData.replaceSigners(data,
                        new SignerInformationStore(SignerInformation.replaceUnsignedAttributes(si, unsigned)));
            }
            return data.getEncoded("DER");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds a /DSS with the given validation data in a new incremental update. */
    public static byte[] addDss(byte[] pdf, List<X509Certificate> certificates, List<byte[]> ocsps, List<byte[]> crls) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            COSDictionary dss = new COSDictionary();
            COSArray certs = new COSArray();
            for (X509Certificate c : certificates) {
                certs.add(stream(doc, c.getEncoded()));
            }
            dss.setItem(COSName.getPDFName("Certs"), certs);
            COSArray o = new COSArray();
            for (byte[] r : ocsps) {
                o.add(stream(doc, r));
            }
            dss.setItem(COSName.getPDFName("OCSPs"), o);
            COSArray c = new COSArray();
            for (byte[] r : crls) {
                c.add(stream(doc, r));
            }
            dss.setItem(COSName.getPDFName("CRLs"), c);
            COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
            catalog.setItem(COSName.getPDFName("DSS"), dss);
            catalog.setNeedToBeUpdated(true);
            dss.setNeedToBeUpdated(true);
            return TestDocuments.saveIncremental(doc);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Adds a document timestamp (/SubFilter /ETSI.RFC3161) in a new incremental update. */
    static byte[] addDocumentTimestamp(byte[] pdf, TestTsa tsa) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDSignature signature = new PDSignature();
            signature.setType(COSName.DOC_TIME_STAMP);
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(COSName.getPDFName("ETSI.RFC3161"));
            try (SignatureOptions options = new SignatureOptions()) {
                options.setPreferredSignatureSize(12_000);
                doc.addSignature(signature, content -> tsa.stamp(content.readAllBytes()), options);
                return TestDocuments.saveIncremental(doc);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static COSStream stream(PDDocument doc, byte[] data) throws IOException {
        COSStream s = doc.getDocument().createCOSStream();
        try (OutputStream out = s.createOutputStream()) {
            out.write(data);
        }
        return s;
    }

    private static void certify(PDDocument doc, PDSignature signature, int p) {
        COSDictionary params = new COSDictionary();
        params.setItem(COSName.TYPE, COSName.getPDFName("TransformParams"));
        params.setInt(COSName.P, p);
        params.setName(COSName.V, "1.2");
        COSDictionary reference = new COSDictionary();
        reference.setItem(COSName.TYPE, COSName.getPDFName("SigRef"));
        reference.setItem(COSName.TRANSFORM_METHOD, COSName.DOCMDP);
        reference.setItem(COSName.getPDFName("DigestMethod"), COSName.getPDFName("SHA256"));
        reference.setItem(COSName.TRANSFORM_PARAMS, params);
        COSArray references = new COSArray();
        references.add(reference);
        signature.getCOSObject().setItem(COSName.REFERENCE, references);
        COSDictionary perms = new COSDictionary();
        perms.setItem(COSName.DOCMDP, signature);
        COSDictionary catalog = doc.getDocumentCatalog().getCOSObject();
        catalog.setItem(COSName.PERMS, perms);
        catalog.setNeedToBeUpdated(true);
    }

    private static void lock(PDSignature signature, String field) {
        COSDictionary params = new COSDictionary();
        params.setItem(COSName.TYPE, COSName.getPDFName("TransformParams"));
        params.setName(COSName.getPDFName("Action"), "Include");
        COSArray fields = new COSArray();
        fields.add(new org.apache.pdfbox.cos.COSString(field));
        params.setItem(COSName.FIELDS, fields);
        COSDictionary reference = new COSDictionary();
        reference.setItem(COSName.TYPE, COSName.getPDFName("SigRef"));
        reference.setItem(COSName.TRANSFORM_METHOD, COSName.getPDFName("FieldMDP"));
        reference.setItem(COSName.TRANSFORM_PARAMS, params);
        COSArray references = new COSArray();
        references.add(reference);
        signature.getCOSObject().setItem(COSName.REFERENCE, references);
    }

    private static Calendar calendar(Instant t) {
        Calendar c = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        c.setTimeInMillis(t.toEpochMilli());
        return c;
    }

    static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
