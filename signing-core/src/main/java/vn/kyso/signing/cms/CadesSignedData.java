package vn.kyso.signing.cms;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAlgorithmProtection;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.IssuerAndSerialNumber;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerIdentifier;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.Certificate;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;

import vn.kyso.signing.DigestAlgorithm;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.SigningException.ErrorCode;

/**
 * Builds the detached CMS SignedData of a PAdES baseline signature with BC's ASN.1 classes
 * directly, so the same DER signed attributes serve the one-step and the two-step flows.
 * Signed attributes are exactly content-type, message-digest, signing-certificate-v2 and
 * CMS algorithm protection; no signing-time (PAdES puts the claimed time in /M).
 */
public final class CadesSignedData {

    /** Parsed certificates and their hashes, reused across signatures by the same signer (speed). */
    private record Parsed(Certificate structure, byte[][] hashes) {
    }

    private static final Map<X509Certificate, Parsed> PARSED = new ConcurrentHashMap<>();
    private static final int MAX_PARSED = 1024;

    private CadesSignedData() {
    }

    private static Parsed parsed(X509Certificate c) throws CertificateEncodingException {
        Parsed p = PARSED.get(c);
        if (p == null) {
            if (PARSED.size() >= MAX_PARSED) {
                PARSED.clear();
            }
            byte[] der = c.getEncoded();
            byte[][] hashes = new byte[DigestAlgorithm.values().length][];
            for (DigestAlgorithm d : DigestAlgorithm.values()) {
                hashes[d.ordinal()] = d.newDigest().digest(der);
            }
            p = new Parsed(Certificate.getInstance(der), hashes);
            PARSED.put(c, p);
        }
        return p;
    }

    /** The DER-encoded SET of signed attributes: what the key signs. */
    public static byte[] signedAttributes(X509Certificate signer, SignatureAlgorithm algorithm, byte[] contentDigest) {
        try {
            Parsed parsed = parsed(signer);
            byte[] certHash = parsed.hashes()[algorithm.digest().ordinal()];
            Certificate cert = parsed.structure();
            IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(cert.getIssuer())),
                    cert.getSerialNumber().getValue());
            ESSCertIDv2 certId = new ESSCertIDv2(algorithm.digestIdentifier(), certHash, issuerSerial);

            ASN1EncodableVector attrs = new ASN1EncodableVector(4);
            attrs.add(new Attribute(CMSAttributes.contentType, new DERSet(CMSObjectIdentifiers.data)));
            attrs.add(new Attribute(CMSAttributes.messageDigest, new DERSet(new DEROctetString(contentDigest))));
            attrs.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {certId}))));
            attrs.add(new Attribute(CMSAttributes.cmsAlgorithmProtect, new DERSet(new CMSAlgorithmProtection(
                    algorithm.digestIdentifier(), CMSAlgorithmProtection.SIGNATURE, algorithm.identifier()))));
            return new DERSet(attrs).getEncoded(ASN1Encoding.DER);
        } catch (IOException | CertificateEncodingException e) {
            throw new SigningException(ErrorCode.INVALID_REQUEST, "cannot encode the signed attributes", e);
        }
    }

    /**
     * The DER ContentInfo(SignedData) holding one SignerInfo.
     *
     * @param timestampToken DER TimeStampToken for the signature-time-stamp attribute, or null (B-B)
     */
    public static byte[] signedData(List<X509Certificate> chain, SignatureAlgorithm algorithm, byte[] signedAttributes,
            byte[] signatureValue, byte[] timestampToken) {
        try {
            Certificate signerCert = parsed(chain.get(0)).structure();
            SignerIdentifier sid = new SignerIdentifier(
                    new IssuerAndSerialNumber(signerCert.getIssuer(), signerCert.getSerialNumber().getValue()));
            ASN1Set unsigned = null;
            if (timestampToken != null) {
                unsigned = new DERSet(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                        new DERSet(ASN1Primitive.fromByteArray(timestampToken))));
            }
            SignerInfo signerInfo = new SignerInfo(sid, algorithm.digestIdentifier(),
                    ASN1Set.getInstance(signedAttributes), algorithm.identifier(), new DEROctetString(signatureValue),
                    unsigned);
            ASN1EncodableVector certs = new ASN1EncodableVector(chain.size());
            for (X509Certificate c : chain) {
                certs.add(parsed(c).structure());
            }
            SignedData sd = new SignedData(new DERSet(algorithm.digestIdentifier()),
                    new ContentInfo(CMSObjectIdentifiers.data, null), new DERSet(certs), null, new DERSet(signerInfo));
            return new ContentInfo(CMSObjectIdentifiers.signedData, sd).getEncoded(ASN1Encoding.DER);
        } catch (IOException | CertificateEncodingException e) {
            throw new SigningException(ErrorCode.INVALID_REQUEST, "cannot encode the CMS signature", e);
        }
    }

    /**
     * A generous upper bound of the DER size, for the /Contents placeholder: certificates,
     * signature value, fixed attribute overhead and the timestamp token when there is one.
     */
    public static int estimateSize(List<X509Certificate> chain, int signatureValueSize, int timestampTokenSize) {
        int size = 1500 + signatureValueSize + timestampTokenSize;
        for (X509Certificate c : chain) {
            try {
                size += c.getEncoded().length + 8;
            } catch (CertificateEncodingException e) {
                size += 2048;
            }
        }
        return size;
    }
}
