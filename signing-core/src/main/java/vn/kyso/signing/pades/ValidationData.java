package vn.kyso.signing.pades;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampToken;

import vn.kyso.signing.RevocationSource;
import vn.kyso.signing.revocation.OnlineRevocationSource;
import vn.kyso.signing.transport.HttpExchange;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.SigningException.ErrorCode;

/**
 * Gathers what a verifier needs offline for the signatures of a document (B-LT): every
 * certificate of the signers' and TSAs' chains, and an OCSP response (else a CRL) for each
 * certificate that names a revocation service.
 */
public final class ValidationData {

    private final Map<String, X509Certificate> certificates = new LinkedHashMap<>();
    private final List<byte[]> ocsps = new ArrayList<>();
    private final List<byte[]> crls = new ArrayList<>();
    private final java.util.Set<String> required = new java.util.HashSet<>();
    private final CertificateFactory factory;

    public ValidationData() {
        try {
            factory = CertificateFactory.getInstance("X.509");
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    public Collection<X509Certificate> certificates() {
        return certificates.values();
    }

    public List<byte[]> ocsps() {
        return ocsps;
    }

    public List<byte[]> crls() {
        return crls;
    }

    /**
     * Adds the certificates of a CMS signature or timestamp token and of its signature timestamps.
     *
     * @param mustComplete when true, missing revocation data for these certificates fails the fetch
     */
    public void addCms(byte[] cms, boolean mustComplete) {
        try {
            CMSSignedData sd;
            try (org.bouncycastle.asn1.ASN1InputStream in = new org.bouncycastle.asn1.ASN1InputStream(cms)) {
                // /Contents is zero padded after the DER: read the first object only
                sd = new CMSSignedData(org.bouncycastle.asn1.cms.ContentInfo.getInstance(in.readObject()));
            }
            addHolders(sd.getCertificates().getMatches(null), mustComplete);
            for (SignerInformation si : sd.getSignerInfos().getSigners()) {
                if (si.getUnsignedAttributes() == null) {
                    continue;
                }
                org.bouncycastle.asn1.ASN1EncodableVector tokens =
                        si.getUnsignedAttributes().getAll(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
                for (int i = 0; i < tokens.size(); i++) {
                    Attribute a = (Attribute) tokens.get(i);
                    TimeStampToken token = new TimeStampToken(
                            new CMSSignedData(a.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded()));
                    addHolders(token.getCertificates().getMatches(null), mustComplete);
                }
            }
        } catch (CMSException | IOException | TSPException e) {
            // a damaged foreign signature still gets whatever else we can find
        }
    }

    /** Adds a certificate found elsewhere (an existing DSS). */
    public void addCertificate(X509Certificate c) {
        certificates.putIfAbsent(key(c), c);
    }

    /**
     * Fetches revocation data for every certificate that names a revocation service, except OCSP
     * responders marked no-check. Missing data for a
     * certificate added with mustComplete is an error: B-LT promises it.
     *
     * @param mustBeGood a certificate whose revocation makes signing fail (the new signer), may be null
     */
    public void fetchRevocation(RevocationSource source, X509Certificate mustBeGood) {
        List<X509Certificate> pending = new ArrayList<>(certificates.values());
        for (int i = 0; i < pending.size(); i++) {
            X509Certificate cert = pending.get(i);
            if (isSelfSigned(cert) || cert.getExtensionValue(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck.getId()) != null
                    || !namesRevocationService(cert)) {
                continue;
            }
            X509Certificate issuer = issuerOf(cert);
            if (issuer == null) {
                issuer = fetchIssuer(cert);
                if (issuer != null && certificates.putIfAbsent(key(issuer), issuer) == null) {
                    pending.add(issuer);
                }
            }
            Optional<byte[]> ocsp = issuer == null ? Optional.empty() : source.ocsp(cert, issuer);
            if (ocsp.isPresent()) {
                ocsps.add(ocsp.get());
                List<X509Certificate> responders = checkOcsp(ocsp.get(), cert, mustBeGood);
                for (X509Certificate r : responders) {
                    if (certificates.putIfAbsent(key(r), r) == null) {
                        pending.add(r);
                    }
                }
                continue;
            }
            Optional<byte[]> crl = source.crl(cert);
            if (crl.isPresent()) {
                crls.add(crl.get());
                checkCrl(crl.get(), cert, mustBeGood);
                continue;
            }
            if (required.contains(key(cert))) {
                throw new SigningException(ErrorCode.REVOCATION_UNAVAILABLE,
                        "no OCSP response or CRL could be fetched for " + cert.getSubjectX500Principal().getName());
            }
        }
    }

    private List<X509Certificate> checkOcsp(byte[] der, X509Certificate cert, X509Certificate mustBeGood) {
        try {
            BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(der).getResponseObject();
            if (cert.equals(mustBeGood)) {
                for (SingleResp r : basic.getResponses()) {
                    if (r.getCertID().getSerialNumber().equals(cert.getSerialNumber())
                            && r.getCertStatus() instanceof RevokedStatus) {
                        throw new SigningException(ErrorCode.CERTIFICATE_REVOKED,
                                "the signing certificate is revoked (OCSP)");
                    }
                }
            }
            List<X509Certificate> out = new ArrayList<>();
            for (X509CertificateHolder h : basic.getCerts()) {
                out.add(convert(h));
            }
            return out;
        } catch (OCSPException | IOException | ClassCastException | NullPointerException e) {
            return List.of();
        }
    }

    private void checkCrl(byte[] der, X509Certificate cert, X509Certificate mustBeGood) {
        if (!cert.equals(mustBeGood)) {
            return;
        }
        try {
            X509CRL crl = (X509CRL) factory.generateCRL(new ByteArrayInputStream(der));
            if (crl.isRevoked(cert)) {
                throw new SigningException(ErrorCode.CERTIFICATE_REVOKED, "the signing certificate is revoked (CRL)");
            }
        } catch (CRLException e) {
            // an unreadable CRL was already refused by the source; nothing to decide here
        }
    }

    private X509Certificate issuerOf(X509Certificate cert) {
        for (X509Certificate candidate : certificates.values()) {
            if (candidate.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
                try {
                    cert.verify(candidate.getPublicKey());
                    return candidate;
                } catch (GeneralSecurityException e) {
                    // same name, other key: keep looking
                }
            }
        }
        return null;
    }

    /** The issuer from the certificate's caIssuers URL, when the signature did not carry it. */
    private X509Certificate fetchIssuer(X509Certificate cert) {
        for (java.net.URI url : OnlineRevocationSource.caIssuersLocations(cert)) {
            try {
                byte[] der = HttpExchange.defaults().get(url);
                for (java.security.cert.Certificate c : factory.generateCertificates(new ByteArrayInputStream(der))) {
                    X509Certificate candidate = (X509Certificate) c;
                    if (candidate.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
                        cert.verify(candidate.getPublicKey());
                        return candidate;
                    }
                }
            } catch (IOException | GeneralSecurityException e) {
                // try the next URL; without an issuer there is no OCSP request to make
            }
        }
        return null;
    }

    /**
     * Whether the certificate names an OCSP responder or a CRL distribution point. An AIA that
     * only points at the issuer's certificate (caIssuers, as kyso's issuing CA has) names no
     * revocation service, so nothing can be fetched and nothing is missing.
     */
    private static boolean namesRevocationService(X509Certificate cert) {
        if (cert.getExtensionValue(Extension.cRLDistributionPoints.getId()) != null) {
            return true;
        }
        byte[] aia = cert.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (aia == null) {
            return false;
        }
        try {
            AuthorityInformationAccess access = AuthorityInformationAccess.getInstance(
                    ASN1OctetString.getInstance(aia).getOctets());
            return Arrays.stream(access.getAccessDescriptions())
                    .anyMatch(d -> X509ObjectIdentifiers.id_ad_ocsp.equals(d.getAccessMethod()));
        } catch (IllegalArgumentException malformed) {
            return true;
        }
    }

    private static boolean isSelfSigned(X509Certificate cert) {
        if (!cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
            return false;
        }
        try {
            cert.verify(cert.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private void addHolders(Collection<X509CertificateHolder> holders, boolean mustComplete) {
        for (X509CertificateHolder h : holders) {
            try {
                X509Certificate c = convert(h);
                certificates.putIfAbsent(key(c), c);
                if (mustComplete) {
                    required.add(key(c));
                }
            } catch (IOException e) {
                // skip a certificate we cannot decode
            }
        }
    }

    private X509Certificate convert(X509CertificateHolder h) throws IOException {
        try {
            return (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(h.getEncoded()));
        } catch (CertificateException e) {
            throw new IOException(e);
        }
    }

    private static String key(X509Certificate c) {
        try {
            return Arrays.toString(java.security.MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
