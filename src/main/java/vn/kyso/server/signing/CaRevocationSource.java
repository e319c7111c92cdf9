package vn.kyso.server.signing;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.PublishedCrl;
import vn.kyso.signing.RevocationSource;

/**
 * Revocation data for certificates kyso issued, asked of the CA's OCSP responder and CRL
 * in-process, and for kyso's issuing CA itself the root's CRL (no HTTP loop to the service itself); other certificates go to {@code others}.
 *
 * <p>For signing, answers may be reused for a short time ({@code reuse}, never past their
 * nextUpdate): a "good" OCSP response per certificate, and the CRLs. Signing checks the
 * certificate's status in the register before every signature, so a reused answer is never
 * embedded for a certificate that is not active now; only "good" responses are reused, so a
 * suspension that was lifted never leaves a stale "revoked" behind. Verification reuses nothing.
 */
public final class CaRevocationSource implements RevocationSource {

    private static final Logger log = LoggerFactory.getLogger(CaRevocationSource.class);
    private static final int REUSE_LIMIT = 10_000;

    private final CertificateAuthority ca;
    private final RevocationSource others;
    private final Clock clock;
    private final Duration reuse;
    private final Map<BigInteger, Reused> goodOcsp = new ConcurrentHashMap<>();
    private final Map<String, Reused> crls = new ConcurrentHashMap<>();

    /** Asks the CA every time (verification: the status now matters). */
    public CaRevocationSource(CertificateAuthority ca, RevocationSource others) {
        this(ca, others, Clock.systemUTC(), Duration.ZERO);
    }

    /** Reuses answers for up to {@code reuse} (signing). */
    public CaRevocationSource(CertificateAuthority ca, RevocationSource others, Clock clock, Duration reuse) {
        this.ca = ca;
        this.others = others;
        this.clock = clock;
        this.reuse = reuse;
    }

    /** An answer and until when it may be given again. */
    private record Reused(byte[] der, Instant until) {
    }

    @Override
    public Optional<byte[]> ocsp(X509Certificate certificate, X509Certificate issuer) {
        if (!issuedByKyso(certificate)) {
            return others.ocsp(certificate, issuer);
        }
        Instant now = clock.instant();
        Reused reused = goodOcsp.get(certificate.getSerialNumber());
        if (reused != null && now.isBefore(reused.until())) {
            return Optional.of(reused.der().clone());
        }
        try {
            CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build()
                    .get(CertificateID.HASH_SHA1), new JcaX509CertificateHolder(issuer), certificate.getSerialNumber());
            byte[] der = ca.ocsp(new OCSPReqBuilder().addRequest(id).build().getEncoded());
            OCSPResp response = new OCSPResp(der);
            if (response.getStatus() != OCSPResp.SUCCESSFUL) {
                return Optional.empty();
            }
            if (!reuse.isZero()) {
                remember(certificate.getSerialNumber(), der, (BasicOCSPResp) response.getResponseObject(), now);
            }
            return Optional.of(der);
        } catch (Exception e) {
            log.warn("kyso's OCSP responder gave no usable answer for serial {}: {}",
                    certificate.getSerialNumber().toString(16), e.toString());
            return Optional.empty();
        }
    }

    @Override
    public Optional<byte[]> crl(X509Certificate certificate) {
        if (certificate.equals(ca.issuingCertificate())) {
            return reused("root", ca::rootCrl); // the root's CRL over the CA certificates it signed
        }
        if (!issuedByKyso(certificate)) {
            return others.crl(certificate);
        }
        return reused("issuing", ca::latestCrl);
    }

    private Optional<byte[]> reused(String which, Supplier<Optional<PublishedCrl>> latest) {
        Instant now = clock.instant();
        Reused reused = crls.get(which);
        if (reused != null && now.isBefore(reused.until())) {
            return Optional.of(reused.der().clone());
        }
        Optional<PublishedCrl> crl = latest.get();
        crl.filter(c -> !reuse.isZero())
                .ifPresent(c -> crls.put(which, new Reused(c.der().clone(), earliest(now.plus(reuse), c.nextUpdate()))));
        return crl.map(PublishedCrl::der);
    }

    /** Keeps a response whose every answer is "good", until {@code reuse} from now or its nextUpdate. */
    private void remember(BigInteger serial, byte[] der, BasicOCSPResp basic, Instant now) {
        Instant until = now.plus(reuse);
        for (SingleResp single : basic.getResponses()) {
            if (single.getCertStatus() != CertificateStatus.GOOD) {
                return;
            }
            if (single.getNextUpdate() != null) {
                until = earliest(until, single.getNextUpdate().toInstant());
            }
        }
        if (goodOcsp.size() >= REUSE_LIMIT) {
            goodOcsp.clear();
        }
        goodOcsp.put(serial, new Reused(der.clone(), until));
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Whether kyso's issuing CA signed the certificate (name and key, not the name alone). */
    boolean issuedByKyso(X509Certificate certificate) {
        X509Certificate issuing = ca.issuingCertificate();
        if (!certificate.getIssuerX500Principal().equals(issuing.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(issuing.getPublicKey());
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
