package vn.kyso.signing.revocation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.security.SecureRandom;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.X509ObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.kyso.signing.RevocationSource;
import vn.kyso.signing.transport.HttpExchange;

/**
 * Fetches revocation data from the URLs a certificate names: OCSP from its AIA (POST, with a
 * nonce that must come back when the responder echoes nonces), CRL from its distribution points.
 * Failures are logged and reported as empty: the caller decides whether that is fatal. Thread-safe.
 */
public final class OnlineRevocationSource implements RevocationSource {

    private static final Logger LOG = LoggerFactory.getLogger(OnlineRevocationSource.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpExchange http;

    public OnlineRevocationSource() {
        this(HttpExchange.defaults());
    }

    public OnlineRevocationSource(HttpExchange http) {
        this.http = http;
    }

    @Override
    public Optional<byte[]> ocsp(X509Certificate certificate, X509Certificate issuer) {
        for (URI url : accessLocations(certificate, X509ObjectIdentifiers.id_ad_ocsp)) {
            try {
                DigestCalculator sha1 = new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1);
                CertificateID id = new CertificateID(sha1, new JcaX509CertificateHolder(issuer),
                        certificate.getSerialNumber());
                byte[] nonce = new BigInteger(128, RANDOM).toByteArray();
                OCSPReq request = new OCSPReqBuilder().addRequest(id)
                        .setRequestExtensions(new org.bouncycastle.asn1.x509.Extensions(new Extension(
                                OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                                // RFC 6960 4.4.1: extnValue holds an OCTET STRING holding the nonce
                                new DEROctetString(new DEROctetString(nonce).getEncoded()))))
                        .build();
                byte[] body = http.post(url, "application/ocsp-request", request.getEncoded(), "application/ocsp-response");
                OCSPResp response = new OCSPResp(body);
                if (response.getStatus() != OCSPResp.SUCCESSFUL) {
                    LOG.warn("OCSP responder {} answered status {}", url, response.getStatus());
                    continue;
                }
                BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
                Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
                if (echoed != null && !nonceMatches(echoed, nonce)) {
                    LOG.warn("OCSP responder {} echoed a different nonce: response refused", url);
                    continue;
                }
                if (!answers(basic, id)) {
                    LOG.warn("OCSP responder {} did not answer for serial {}", url, certificate.getSerialNumber());
                    continue;
                }
                return Optional.of(body);
            } catch (Exception e) {
                LOG.warn("OCSP request to {} failed: {}", url, e.toString());
            }
        }
        return Optional.empty();
    }

    @Override
    public Optional<byte[]> crl(X509Certificate certificate) {
        for (URI url : crlLocations(certificate)) {
            try {
                byte[] body = http.get(url);
                CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(body));
                return Optional.of(body);
            } catch (IOException | CRLException | CertificateException e) {
                LOG.warn("CRL download from {} failed: {}", url, e.toString());
            }
        }
        return Optional.empty();
    }

    /** RFC 8954 nests the nonce in an OCTET STRING; some responders echo it bare. */
    private static boolean nonceMatches(Extension echoed, byte[] nonce) {
        byte[] raw = echoed.getExtnValue().getOctets();
        if (java.util.Arrays.equals(raw, nonce)) {
            return true;
        }
        try {
            return java.util.Arrays.equals(ASN1OctetString.getInstance(raw).getOctets(), nonce);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean answers(BasicOCSPResp basic, CertificateID id) {
        for (SingleResp r : basic.getResponses()) {
            if (r.getCertID().equals(id)) {
                return true;
            }
        }
        return false;
    }

    /** The http(s) caIssuers URLs of {@code cert}'s AIA (where its issuer's certificate is published). */
    public static List<URI> caIssuersLocations(X509Certificate cert) {
        return accessLocations(cert, X509ObjectIdentifiers.id_ad_caIssuers);
    }

    static List<URI> accessLocations(X509Certificate cert, org.bouncycastle.asn1.ASN1ObjectIdentifier method) {
        List<URI> out = new ArrayList<>();
        byte[] ext = cert.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (ext == null) {
            return out;
        }
        AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(
                ASN1OctetString.getInstance(ext).getOctets());
        for (AccessDescription d : aia.getAccessDescriptions()) {
            if (d.getAccessMethod().equals(method)) {
                uri(d.getAccessLocation(), out);
            }
        }
        return out;
    }

    static List<URI> crlLocations(X509Certificate cert) {
        List<URI> out = new ArrayList<>();
        byte[] ext = cert.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (ext == null) {
            return out;
        }
        CRLDistPoint cdp = CRLDistPoint.getInstance(ASN1OctetString.getInstance(ext).getOctets());
        for (DistributionPoint dp : cdp.getDistributionPoints()) {
            DistributionPointName name = dp.getDistributionPoint();
            if (name != null && name.getType() == DistributionPointName.FULL_NAME) {
                for (GeneralName g : GeneralNames.getInstance(name.getName()).getNames()) {
                    uri(g, out);
                }
            }
        }
        return out;
    }

    private static void uri(GeneralName g, List<URI> out) {
        if (g.getTagNo() == GeneralName.uniformResourceIdentifier) {
            String s = g.getName().toString();
            if (s.startsWith("http://") || s.startsWith("https://")) {
                out.add(URI.create(s));
            }
        }
    }
}
