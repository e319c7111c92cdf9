package vn.kyso.signing.verify;

import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertID;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificate;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

import vn.kyso.signing.SignatureFormat;
import vn.kyso.signing.SubIndication;

/**
 * The CMS SignedData in a signature's /Contents: its signer certificate, the message-digest
 * check over the byte range, the signature value, and the ESS signing-certificate reference.
 * Accepts what real signers write: BER as well as DER (signed attributes are verified over their
 * DER re-encoding, RFC 5652 §5.4, which Bouncy Castle does), the legacy adbe.pkcs7.sha1 form
 * (the SHA-1 digest of the byte range as encapsulated content), EdDSA (RFC 8419), and CMS
 * holding content or several SignerInfos, judged as EU DSS does (see {@link EncapsulatedContent}).
 */
final class CmsSignature {

    private static final org.bouncycastle.asn1.ASN1ObjectIdentifier ADBE_REVOCATION =
            new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.840.113583.1.1.8");

    final CMSSignedData cms;
    final SignerInformation signer;
    final VerifierDigest digestAlgorithm;
    final List<X509Certificate> certificates = new ArrayList<>();
    X509Certificate signerCertificate;
    boolean hasSigningCertificateV2;
    /** False when the CMS holds several SignerInfos (PAdES allows one). */
    boolean singleSigner = true;
    /** The format as the CMS is really encoded (adbe.pkcs7.sha1 may be declared as detached). */
    SignatureFormat format;
    /** The digest the document's integrity rests on: SHA-1 for adbe.pkcs7.sha1, else the signer's. */
    VerifierDigest documentDigest;

    private CmsSignature(CMSSignedData cms, SignerInformation signer, VerifierDigest digestAlgorithm, SignatureFormat format) {
        this.cms = cms;
        this.signer = signer;
        this.digestAlgorithm = digestAlgorithm;
        this.format = format;
        this.documentDigest = digestAlgorithm;
    }

    /**
     * Parses {@code contents} and runs the integrity checks in ETSI order; failures go to
     * {@code verdict}. Returns null when nothing more can be checked.
     */
    static CmsSignature check(byte[] contents, byte[] pdf, long[] range, SignatureFormat format,
            CertificatePool documentCertificates, CertificateCache cache, Verdict verdict) {
        CMSSignedData cms;
        try {
            cms = new CMSSignedData(ByteRangeCheck.der(contents));
        } catch (Exception e) {
            verdict.invalid(SubIndication.FORMAT_FAILURE, "/Contents is not a CMS SignedData: " + PdfFile.oneLine(e));
            return null;
        }
        Collection<SignerInformation> signers = cms.getSignerInfos().getSigners();
        if (signers.isEmpty()) {
            verdict.invalid(SubIndication.FORMAT_FAILURE, "the CMS holds no SignerInfo");
            return null;
        }
        SignerInformation signer = signers.iterator().next();
        VerifierDigest algorithm = VerifierDigest.fromOid(signer.getDigestAlgorithmID().getAlgorithm());
        if (algorithm == null) {
            verdict.indeterminate(SubIndication.CRYPTO_CONSTRAINTS_FAILURE,
                    "the signature uses a digest algorithm that is not accepted ("
                            + signer.getDigestAlgorithmID().getAlgorithm().getId() + ")");
            return null;
        }
        String nonConformant = EdDsaRules.problem(signer, algorithm);
        if (nonConformant != null) {
            verdict.invalid(SubIndication.FORMAT_FAILURE, nonConformant);
            return null;
        }
        CmsSignature s = new CmsSignature(cms, signer, algorithm, format);
        if (signers.size() > 1) {
            // ETSI EN 319 142-1 allows one SignerInfo; EU DSS validates the first and warns
            s.singleSigner = false;
            verdict.note("the CMS holds " + signers.size() + " SignerInfos where PAdES allows one: only the first"
                    + " was validated, the others are not part of this verdict");
        }
        for (X509CertificateHolder h : cms.getCertificates().getMatches(null)) {
            try {
                X509Certificate c = cache.certificate(h.getEncoded());
                if (c != null) {
                    s.certificates.add(c);
                }
            } catch (java.io.IOException e) {
                // an unreadable certificate is not evidence
            }
        }
        s.signerCertificate = s.findSigner(documentCertificates);
        if (s.signerCertificate == null) {
            verdict.indeterminate(SubIndication.NO_SIGNING_CERTIFICATE_FOUND,
                    "the signer's certificate is neither in the signature nor in the file");
            return null;
        }
        if (!EncapsulatedContent.check(s, pdf, range, verdict)) {
            return null;
        }
        s.checkSigningCertificateReference(verdict);
        return s;
    }

    /** The detached case: the signer's digest over the byte range is what was signed. */
    boolean checkDetached(byte[] pdf, long[] range, Verdict verdict) {
        byte[] digest = ByteRangeCheck.digest(pdf, range, digestAlgorithm);
        byte[] claimed = messageDigestAttribute(verdict);
        if (claimed == MALFORMED) {
            return false;
        }
        if (claimed != null && !MessageDigest.isEqual(digest, claimed)) {
            verdict.invalid(SubIndication.HASH_FAILURE, EncapsulatedContent.signsOtherContent(this, claimed)
                    ? "the CMS signs the content it encapsulates, not this document's bytes"
                    : "the signed bytes were changed: their digest does not match the signature");
            return false;
        }
        try {
            if (claimed == null && EdDsaRules.isEdDsa(signer)) {
                // pure EdDSA signs the message itself, not a digest of it (RFC 8419 §3.1)
                return verifyOver(new CMSSignedData(new CMSProcessableByteArray(ByteRangeCheck.signedBytes(pdf, range)),
                        cms.toASN1Structure()), verdict);
            }
            Map<Object, byte[]> hashes = new HashMap<>();
            hashes.put(digestAlgorithm.oid(), digest);
            hashes.put(digestAlgorithm.oid().getId(), digest);
            return verifyOver(new CMSSignedData(hashes, cms.toASN1Structure()), verdict);
        } catch (org.bouncycastle.cms.CMSException | RuntimeException e) {
            verdict.invalid(SubIndication.SIG_CRYPTO_FAILURE, "the signature value does not verify: " + PdfFile.oneLine(e));
            return false;
        }
    }

    private static final byte[] MALFORMED = new byte[0];

    /** The signed message-digest value, null without signed attributes, {@link #MALFORMED} when unusable. */
    byte[] messageDigestAttribute(Verdict verdict) {
        AttributeTable signed = signer.getSignedAttributes();
        if (signed == null) {
            return null;
        }
        Attribute md = signed.get(CMSAttributes.messageDigest);
        if (md == null || md.getAttrValues().size() != 1
                || !(md.getAttrValues().getObjectAt(0) instanceof ASN1OctetString value)) {
            verdict.invalid(SubIndication.FORMAT_FAILURE, "the CMS has no message-digest attribute");
            return MALFORMED;
        }
        return value.getOctets();
    }

    /** Verifies the first SignerInfo of {@code data} (same CMS, with its digest or content supplied). */
    boolean verifyOver(CMSSignedData data, Verdict verdict) {
        try {
            SignerInformation si = data.getSignerInfos().getSigners().iterator().next();
            if (si.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(CryptoProvider.BC).build(signerCertificate.getPublicKey()))) {
                return true;
            }
            verdict.invalid(SubIndication.SIG_CRYPTO_FAILURE, "the signature value does not verify with the signer's key");
        } catch (CMSSignerDigestMismatchException e) {
            verdict.invalid(SubIndication.HASH_FAILURE, "the signed bytes were changed: their digest does not match the signature");
        } catch (OperatorCreationException e) {
            verdict.indeterminate(SubIndication.CRYPTO_CONSTRAINTS_FAILURE,
                    "the signature algorithm is not supported: " + PdfFile.oneLine(e));
        } catch (Exception e) {
            verdict.invalid(SubIndication.SIG_CRYPTO_FAILURE, "the signature value does not verify: " + PdfFile.oneLine(e));
        }
        return false;
    }

    private X509Certificate findSigner(CertificatePool documentCertificates) {
        List<X509Certificate> candidates = new ArrayList<>(certificates);
        candidates.addAll(documentCertificates.all());
        for (X509Certificate c : candidates) {
            try {
                if (signer.getSID().match(new X509CertificateHolder(c.getEncoded()))) {
                    return c;
                }
            } catch (Exception e) {
                // not this one
            }
        }
        return null;
    }

    /** ESS signing-certificate(-v2): the signed reference must name the certificate that verified. */
    private void checkSigningCertificateReference(Verdict verdict) {
        AttributeTable signed = signer.getSignedAttributes();
        if (signed == null) {
            return;
        }
        try {
            Attribute v2 = signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
            Attribute v1 = signed.get(PKCSObjectIdentifiers.id_aa_signingCertificate);
            byte[] encoded = signerCertificate.getEncoded();
            if (v2 != null) {
                hasSigningCertificateV2 = true;
                ESSCertIDv2 id = SigningCertificateV2.getInstance(v2.getAttrValues().getObjectAt(0)).getCerts()[0];
                VerifierDigest alg = id.getHashAlgorithm() == null ? VerifierDigest.SHA256
                        : VerifierDigest.fromOid(id.getHashAlgorithm().getAlgorithm());
                if (alg == null || !MessageDigest.isEqual(alg.newDigest().digest(encoded), id.getCertHash())
                        || !issuerSerialMatches(id.getIssuerSerial())) {
                    verdict.invalid(SubIndication.FORMAT_FAILURE,
                            "the signed ESS signing-certificate-v2 reference does not match the signer certificate");
                }
            } else if (v1 != null) {
                ESSCertID id = SigningCertificate.getInstance(v1.getAttrValues().getObjectAt(0)).getCerts()[0];
                byte[] sha1 = MessageDigest.getInstance("SHA-1").digest(encoded);
                if (!MessageDigest.isEqual(sha1, id.getCertHash()) || !issuerSerialMatches(id.getIssuerSerial())) {
                    verdict.invalid(SubIndication.FORMAT_FAILURE,
                            "the signed ESS signing-certificate reference does not match the signer certificate");
                }
            }
        } catch (Exception e) {
            verdict.invalid(SubIndication.FORMAT_FAILURE, "the ESS signing-certificate attribute cannot be read");
        }
    }

    private boolean issuerSerialMatches(IssuerSerial issuerSerial) throws java.io.IOException {
        if (issuerSerial == null) {
            return true;
        }
        if (!issuerSerial.getSerial().getValue().equals(signerCertificate.getSerialNumber())) {
            return false;
        }
        for (GeneralName name : issuerSerial.getIssuer().getNames()) {
            if (name.getTagNo() == GeneralName.directoryName && !java.util.Arrays.equals(
                    org.bouncycastle.asn1.x500.X500Name.getInstance(name.getName()).getEncoded("DER"),
                    signerCertificate.getIssuerX500Principal().getEncoded())) {
                return false;
            }
        }
        return true;
    }

    /** The signature timestamp token (unsigned attribute), or null. */
    byte[] signatureTimestamp() {
        AttributeTable unsigned = signer.getUnsignedAttributes();
        Attribute ts = unsigned == null ? null : unsigned.get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        if (ts == null || ts.getAttrValues().size() == 0) {
            return null;
        }
        try {
            return ts.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded("DER");
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** CRLs in the SignedData and in Adobe's revocation-information archival attribute. */
    List<byte[]> crls() {
        List<byte[]> out = new ArrayList<>();
        for (X509CRLHolder h : cms.getCRLs().getMatches(null)) {
            try {
                out.add(h.getEncoded());
            } catch (java.io.IOException e) {
                // skip
            }
        }
        archival(0).forEach(out::add);
        return out;
    }

    /** OCSP responses in Adobe's revocation-information archival attribute. */
    List<byte[]> ocspResponses() {
        return archival(1);
    }

    private List<byte[]> archival(int tag) {
        List<byte[]> out = new ArrayList<>();
        AttributeTable signed = signer.getSignedAttributes();
        Attribute a = signed == null ? null : signed.get(ADBE_REVOCATION);
        if (a == null || a.getAttrValues().size() == 0) {
            return out;
        }
        try {
            for (ASN1Encodable e : ASN1Sequence.getInstance(a.getAttrValues().getObjectAt(0))) {
                ASN1TaggedObject t = ASN1TaggedObject.getInstance(e);
                if (t.getTagNo() == tag) {
                    for (ASN1Encodable item : ASN1Sequence.getInstance(t.getExplicitBaseObject())) {
                        out.add(item.toASN1Primitive().getEncoded("DER"));
                    }
                }
            }
        } catch (Exception e) {
            // a malformed archival attribute is not evidence
        }
        return out;
    }
}
