package vn.kyso.signing.verify;

import java.io.IOException;
import java.math.BigInteger;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Reads OCSP responses: finds the answer for one certificate, checks the response is signed by
 * the issuing CA or by a responder the CA authorised (id-kp-OCSPSigning), and remembers which
 * responses were checked, so the same DSS is not re-verified on every call.
 */
final class OcspResponses {

    private static final String OCSP_SIGNING = "1.3.6.1.5.5.7.3.9";
    private static final String OCSP_NOCHECK = "1.3.6.1.5.5.7.48.1.5";
    private static final int MAX_ENTRIES = 10_000;

    private final CertificateCache cache;
    private final DigestCalculatorProvider digests;
    private final Map<CertificateCache.Bytes, Parsed> parsed = new ConcurrentHashMap<>();
    private final Map<Authorisation, Authority> authorised = new ConcurrentHashMap<>();

    /** Who signed a response, as far as trusting it goes. */
    private enum Authority { NONE, CA, DELEGATED, DELEGATED_UNCHECKED }

    OcspResponses(CertificateCache cache) {
        this.cache = cache;
        try {
            this.digests = new JcaDigestCalculatorProviderBuilder().build();
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The status {@code der} gives for {@code cert}, or null when it gives none that can be trusted. */
    RevocationChecker.Status status(byte[] der, X509Certificate cert, X509Certificate issuer, RevocationChecker.Times best) {
        CertificateCache.Bytes key = new CertificateCache.Bytes(der);
        Parsed response = parsed.get(key);
        if (response == null) {
            response = parse(der);
            if (parsed.size() > MAX_ENTRIES) {
                parsed.clear();
            }
            parsed.put(key, response);
        }
        if (response.basic() == null) {
            return null;
        }
        BigInteger serial = cert.getSerialNumber();
        for (SingleResp single : response.basic().getResponses()) {
            if (!serial.equals(single.getCertID().getSerialNumber()) || !matchesIssuer(single, issuer)) {
                continue;
            }
            Authority authority = authority(key, response, issuer);
            if (authority == Authority.NONE) {
                return null;
            }
            String note = authority == Authority.DELEGATED_UNCHECKED ? "the OCSP responder for " + Names.subject(cert)
                    + " lacks id-pkix-ocsp-nocheck; its own revocation status was not checked" : null;
            Object status = single.getCertStatus();
            if (status instanceof RevokedStatus revoked) {
                return new RevocationChecker.Status(revoked.getRevocationTime().toInstant(), note);
            }
            if (status instanceof UnknownStatus) {
                return null;
            }
            Instant next = single.getNextUpdate() == null ? null : single.getNextUpdate().toInstant();
            return RevocationChecker.fresh(single.getThisUpdate() == null ? null : single.getThisUpdate().toInstant(), next, best)
                    ? new RevocationChecker.Status(null, note) : null;
        }
        return null;
    }

    private boolean matchesIssuer(SingleResp single, X509Certificate issuer) {
        try {
            return single.getCertID().matchesIssuer(new JcaX509CertificateHolder(issuer), digests);
        } catch (Exception e) {
            return false;
        }
    }

    private Authority authority(CertificateCache.Bytes key, Parsed response, X509Certificate issuer) {
        if (authorised.size() > MAX_ENTRIES) {
            authorised.clear();
        }
        return authorised.computeIfAbsent(new Authorisation(key, issuer), a -> signer(response, issuer));
    }

    private Authority signer(Parsed response, X509Certificate issuer) {
        if (signedBy(response.basic(), issuer)) {
            return Authority.CA;
        }
        for (X509Certificate responder : response.certificates()) {
            // a delegated responder: issued by the same CA, for OCSP signing only
            if (cache.issued(responder, issuer) && hasOcspSigning(responder) && validAt(responder, response.basic())
                    && signedBy(response.basic(), responder)) {
                return responder.getExtensionValue(OCSP_NOCHECK) != null ? Authority.DELEGATED : Authority.DELEGATED_UNCHECKED;
            }
        }
        return Authority.NONE;
    }

    private static boolean validAt(X509Certificate responder, BasicOCSPResp basic) {
        try {
            responder.checkValidity(basic.getProducedAt());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean hasOcspSigning(X509Certificate c) {
        try {
            List<String> eku = c.getExtendedKeyUsage();
            return eku != null && eku.contains(OCSP_SIGNING);
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    private static boolean signedBy(BasicOCSPResp basic, X509Certificate signer) {
        try {
            return basic.isSignatureValid(new JcaContentVerifierProviderBuilder().setProvider(CryptoProvider.BC).build(signer.getPublicKey()));
        } catch (Exception e) {
            return false;
        }
    }

    private Parsed parse(byte[] der) {
        try {
            OCSPResp resp = new OCSPResp(der);
            if (resp.getStatus() != OCSPResp.SUCCESSFUL || !(resp.getResponseObject() instanceof BasicOCSPResp basic)) {
                return new Parsed(null, List.of());
            }
            List<X509Certificate> certs = new ArrayList<>();
            for (X509CertificateHolder holder : basic.getCerts()) {
                X509Certificate c = cache.certificate(holder.getEncoded());
                if (c != null) {
                    certs.add(c);
                }
            }
            return new Parsed(basic, certs);
        } catch (IOException | RuntimeException | org.bouncycastle.cert.ocsp.OCSPException e) {
            return new Parsed(null, List.of());
        }
    }

    /** The certificates an OCSP response carries (delegated responders), for path building. */
    List<X509Certificate> certificates(byte[] der) {
        Parsed p = parsed.computeIfAbsent(new CertificateCache.Bytes(der), k -> parse(der));
        return p.certificates();
    }

    private record Parsed(BasicOCSPResp basic, List<X509Certificate> certificates) {
    }

    private record Authorisation(CertificateCache.Bytes response, X509Certificate issuer) {
    }
}
