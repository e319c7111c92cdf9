package vn.kyso.ca.ocsp;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

import vn.kyso.ca.CaEvents;
import vn.kyso.ca.CaSettings;
import vn.kyso.ca.OcspRequested;
import vn.kyso.ca.hierarchy.Hierarchy;
import vn.kyso.ca.hierarchy.SigningCredential;
import vn.kyso.ca.register.CertificateRegister;

/**
 * Answers OCSP requests for certificates of the issuing CA. Per request: one primary-key
 * lookup per serial and one signature. Responses to requests without a nonce are identical for
 * identical requests, so they are kept for a short time (a setting) and forgotten as soon as a
 * status changes on this instance; other instances' changes show after at most that time.
 */
public final class OcspResponder {

    private static final int CACHE_LIMIT = 50_000;

    private final Hierarchy hierarchy;
    private final CertificateRegister register;
    private final CaEvents events;
    private final Clock clock;
    private final CaSettings.Responders settings;
    private final IssuerMatch issuer;
    private final ConcurrentHashMap<ByteBuffer, Cached> cache = new ConcurrentHashMap<>();
    private volatile Signer signer;

    public OcspResponder(Hierarchy hierarchy, CertificateRegister register, CaEvents events, Clock clock,
                         CaSettings.Responders settings) {
        this.hierarchy = hierarchy;
        this.register = register;
        this.events = events;
        this.clock = clock;
        this.settings = settings;
        try {
            this.issuer = new IssuerMatch(hierarchy.issuing().certificate());
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the issuing CA certificate", e);
        }
    }

    /** Forgets cached responses (called when a certificate's status changes). */
    public void forget(BigInteger serial) {
        cache.clear();
    }

    /** DER OCSPRequest in, DER OCSPResponse out; never throws for bad input. */
    public byte[] respond(byte[] requestDer) {
        OCSPReq request;
        try {
            request = new OCSPReq(requestDer);
            if (request.getRequestList().length == 0) {
                return status(OCSPRespBuilder.MALFORMED_REQUEST);
            }
        } catch (Exception e) {
            return status(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        Instant now = clock.instant();
        ByteBuffer key = null;
        if (nonce == null && !settings.ocspCacheTtl().isZero()) {
            key = ByteBuffer.wrap(requestDer.clone());
            Cached hit = cache.get(key);
            if (hit != null && now.isBefore(hit.expires)) {
                hit.serials.forEach(s -> events.publish(new OcspRequested(s.serial, s.answer, now)));
                return hit.der;
            }
        }
        try {
            Signer current = signer();
            BasicOCSPRespBuilder builder = new BasicOCSPRespBuilder(current.responderId);
            List<Answer> answers = new ArrayList<>();
            Date thisUpdate = Date.from(now);
            Date nextUpdate = Date.from(now.plus(settings.ocspResponseValidity()));
            boolean anyOurs = false;
            for (Req req : request.getRequestList()) {
                CertificateID id = req.getCertID();
                CertificateStatus status = new UnknownStatus();
                vn.kyso.ca.CertificateStatus answer = null;
                if (issuer.matches(id)) {
                    anyOurs = true;
                    Optional<CertificateRegister.StatusRow> row = register.status(id.getSerialNumber());
                    if (row.isPresent()) {
                        answer = row.get().status();
                        status = toOcsp(row.get());
                    }
                }
                builder.addResponse(id, status, thisUpdate, nextUpdate, null);
                answers.add(new Answer(id.getSerialNumber(), answer));
            }
            if (!anyOurs) {
                return status(OCSPRespBuilder.UNAUTHORIZED);
            }
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            BasicOCSPResp basic = builder.build(current.credential.contentSigner(), current.chain, thisUpdate);
            byte[] der = new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
            if (key != null) {
                if (cache.size() >= CACHE_LIMIT) {
                    cache.clear();
                }
                cache.put(key, new Cached(der, now.plus(settings.ocspCacheTtl()), answers));
            }
            answers.forEach(a -> events.publish(new OcspRequested(a.serial, a.answer, now)));
            return der;
        } catch (Exception e) {
            return status(OCSPRespBuilder.INTERNAL_ERROR);
        }
    }

    private static CertificateStatus toOcsp(CertificateRegister.StatusRow row) {
        return switch (row.status()) {
            case ACTIVE -> CertificateStatus.GOOD;
            case SUSPENDED, REVOKED -> new RevokedStatus(Date.from(row.revokedAt()),
                    row.reason() == null ? CRLReason.unspecified : row.reason().code());
        };
    }

    /** The signer of the current responder credential, rebuilt only when the credential changes. */
    private Signer signer() throws Exception {
        SigningCredential credential = hierarchy.ocsp();
        Signer s = signer;
        if (s == null || s.credential != credential) {
            X509CertificateHolder holder = new X509CertificateHolder(credential.certificate().getEncoded());
            RespID id = new RespID(holder.getSubjectPublicKeyInfo(),
                    new JcaDigestCalculatorProviderBuilder().build().get(RespID.HASH_SHA1));
            s = new Signer(credential, id, new X509CertificateHolder[] {holder});
            signer = s;
        }
        return s;
    }

    private static byte[] status(int status) {
        try {
            return new OCSPRespBuilder().build(status, null).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private record Signer(SigningCredential credential, RespID responderId, X509CertificateHolder[] chain) {
    }

    private record Answer(BigInteger serial, vn.kyso.ca.CertificateStatus answer) {
    }

    private record Cached(byte[] der, Instant expires, List<Answer> serials) {
    }
}
