package vn.kyso.ca.ocsp;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.ocsp.OCSPRequest;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RespID;
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
    /** RFC 8954: the longest nonce a request may carry. */
    private static final int MAX_NONCE = 32;

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
            request = parse(requestDer);
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
            // reused only while every status it states is still the register's: another instance
            // sharing the database may have revoked a certificate since (this one forgets at once)
            if (hit != null && now.isBefore(hit.expires) && unchanged(hit.serials)) {
                hit.serials.forEach(s -> events.publish(new OcspRequested(s.serial, s.answer, now)));
                return hit.der;
            }
        }
        if (nonce != null && !acceptableNonce(nonce)) {
            return status(OCSPRespBuilder.MALFORMED_REQUEST);
        }
        try {
            Signer current = signer();
            List<ResponseEncoder.Single> singles = new ArrayList<>();
            List<Answer> answers = new ArrayList<>();
            boolean anyOurs = false;
            for (Req req : request.getRequestList()) {
                CertificateID id = req.getCertID();
                byte[] status = ResponseEncoder.unknown();
                vn.kyso.ca.CertificateStatus answer = null;
                boolean ours = issuer.matches(id);
                CertificateRegister.StatusRow found = null;
                if (ours) {
                    anyOurs = true;
                    Optional<CertificateRegister.StatusRow> row = register.status(id.getSerialNumber());
                    if (row.isPresent()) {
                        found = row.get();
                        answer = found.status();
                        status = toOcsp(found);
                    }
                }
                singles.add(new ResponseEncoder.Single(id.toASN1Primitive().getEncoded(ASN1Encoding.DER), status));
                answers.add(new Answer(id.getSerialNumber(), answer, ours, found));
            }
            if (!anyOurs) {
                return status(OCSPRespBuilder.UNAUTHORIZED);
            }
            byte[] extensions = nonce == null ? null : new Extensions(nonce).getEncoded(ASN1Encoding.DER);
            byte[] der = current.encoder.encode(singles, now, now.plus(settings.ocspResponseValidity()), extensions,
                    current.signatures);
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

    /**
     * The request, parsed by Bouncy Castle in its lazy mode: each SEQUENCE's bytes are taken at
     * once and parsed from an array when first read, instead of byte by byte through one stream
     * per nesting level (a quarter of the responder's Java samples with a fresh nonce per request).
     * The constructors below read every part of an unsigned request without a requestor name
     * (request list, CertIDs, extensions), so such a request is checked as strictly as a whole
     * parse would; a signed request or one naming its requestor, whose certificates or name the
     * responder never reads, is parsed whole as before, so that garbage there stays malformed.
     */
    static OCSPReq parse(byte[] der) throws java.io.IOException {
        OCSPReq request = new OCSPReq(OCSPRequest.getInstance(new ASN1InputStream(der, true).readObject()));
        request.getRequestList(); // reads the list, each CertID and each single request's extensions
        if (request.isSigned() || request.getRequestorName() != null) {
            return new OCSPReq(der);
        }
        return request;
    }

    /**
     * RFC 8954 2.1: the nonce is 1 to 32 octets; a request with an empty or longer one is
     * malformed. Its value is the DER of an OCTET STRING; some older clients put the raw bytes
     * there instead, which are then the nonce.
     */
    static boolean acceptableNonce(Extension nonce) {
        byte[] value = nonce.getExtnValue().getOctets();
        int length = value.length;
        if (length >= 2 && value[0] == 0x04) {
            try {
                length = ASN1OctetString.getInstance(value).getOctets().length;
            } catch (RuntimeException raw) {
                // not an OCTET STRING after all: the raw bytes are the nonce
            }
        }
        return length >= 1 && length <= MAX_NONCE;
    }

    private static byte[] toOcsp(CertificateRegister.StatusRow row) {
        return switch (row.status()) {
            case ACTIVE -> ResponseEncoder.good();
            case SUSPENDED, REVOKED -> ResponseEncoder.revoked(row.revokedAt(),
                    row.reason() == null ? CRLReason.unspecified : row.reason().code());
        };
    }

    /**
     * The signer of the current responder credential, rebuilt only when the credential changes:
     * {@link Hierarchy#ocsp()} hands out a new credential object when it renews the responder, and
     * the first answer after that is signed by the new key (its engines are a new pool).
     */
    private Signer signer() throws Exception {
        SigningCredential credential = hierarchy.ocsp();
        Signer s = signer;
        if (s == null || s.signatures.credential() != credential) {
            X509CertificateHolder holder = new X509CertificateHolder(credential.certificate().getEncoded());
            RespID id = new RespID(holder.getSubjectPublicKeyInfo(),
                    new JcaDigestCalculatorProviderBuilder().build().get(RespID.HASH_SHA1));
            byte[] algorithm = credential.contentSigner().getAlgorithmIdentifier().getEncoded(ASN1Encoding.DER);
            s = new Signer(SignaturePool.forCredential(credential), new ResponseEncoder(id, holder, algorithm));
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

    private record Signer(SignaturePool signatures, ResponseEncoder encoder) {
    }

    /** One serial of an answer: its status, and for the CA's own serials the register's row it was read from. */
    private record Answer(BigInteger serial, vn.kyso.ca.CertificateStatus answer, boolean ours,
            CertificateRegister.StatusRow row) {
    }

    /** Whether the register still says of every serial of a cached answer what the answer says. */
    private boolean unchanged(List<Answer> answers) {
        for (Answer a : answers) {
            if (a.ours() && !java.util.Objects.equals(register.status(a.serial()).orElse(null), a.row())) {
                return false;
            }
        }
        return true;
    }

    private record Cached(byte[] der, Instant expires, List<Answer> serials) {
    }
}
