package vn.kyso.server.signing;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import vn.kyso.ca.CaException;
import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CertificateKind;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.KeyUse;
import vn.kyso.server.config.KysoProperties;
import vn.kyso.server.security.KysoUser;
import vn.kyso.server.signing.DocumentSigned.Channel;
import vn.kyso.server.signing.DocumentSigned.Outcome;
import vn.kyso.server.signing.SigningRefusedException.Reason;
import vn.kyso.signing.Indication;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.PdfSigner;
import vn.kyso.signing.PdfVerifier;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignResult;
import vn.kyso.signing.SignatureReport;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.VisibleSignature;
import vn.kyso.signing.crypto.NativeCrypto;
import vn.kyso.signing.key.InMemorySigningKey;

/**
 * Signs uploaded PDFs with the caller's custody key: checks the documents, the certificate (the
 * caller's own, valid), unlocks the key with the PIN once for the whole request, signs each
 * document with kyso's TSA and OCSP, and publishes one {@link DocumentSigned} per document,
 * SIGNED or FAILED. Documents are held in memory for the request only; only hashes leave it.
 */
@Service
public class DocumentSigning {

    private static final Logger log = LoggerFactory.getLogger(DocumentSigning.class);

    private final CertificateAuthority ca;
    private final SigningCertificates certificates;
    private final SigningAppearance appearance;
    private final PdfPages pages;
    private final PdfSigner signer;
    private final PdfVerifier verifier;
    private final SigningProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final KysoProperties.Limits limits;
    private final NativeCrypto crypto;
    private final SigningActivations activations;

    DocumentSigning(CertificateAuthority ca, SigningCertificates certificates, SigningAppearance appearance, PdfPages pages,
            PdfSigner signer, PdfVerifier verifier, SigningProperties properties, ApplicationEventPublisher events,
            Clock clock, KysoProperties kyso, SigningActivations activations, NativeCrypto crypto) {
        this.limits = kyso.limits();
        this.crypto = crypto;
        this.activations = activations;
        this.ca = ca;
        this.certificates = certificates;
        this.appearance = appearance;
        this.pages = pages;
        this.signer = signer;
        this.verifier = verifier;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** Signs every upload, or none: the first refusal ends the request and nothing is returned. */
    public List<SignedDocument> sign(KysoUser user, Channel channel, SigningOrder order, List<Upload> uploads) {
        long started = System.nanoTime();
        PadesLevel level = order.level() != null ? order.level() : properties.level();
        CertificateRecord record = null;
        try {
            record = checked(user, order, uploads);
            VisibleSignature visible = appearance.visible(user, order, record);
            String reason = appearance.reason(order);
            List<Duration> took = new ArrayList<>();
            List<SignedDocument> signed = unlock(user, record, order, uploads.size(), key -> {
                List<SignedDocument> out = new ArrayList<>();
                for (Upload upload : uploads) {
                    long one = System.nanoTime();
                    // a signing cannot be interrupted half-way; the limit is checked between documents
                    if (Duration.ofNanos(one - started).compareTo(limits.requestTimeout()) > 0) {
                        throw new SigningRefusedException(Reason.TIME_LIMIT_EXCEEDED, "request time limit",
                                limits.requestTimeout().toSeconds());
                    }
                    SignRequest request = SignRequest.builder(key, level).visible(visible).reason(reason).build();
                    ByteArrayOutputStream pdf = new ByteArrayOutputStream(upload.content().length + 65536);
                    SignResult result = signer.sign(request, upload.content(), pdf);
                    out.add(new SignedDocument(upload.signedName(), pdf.toByteArray(), result));
                    took.add(Duration.ofNanos(System.nanoTime() - one));
                }
                return out;
            });
            // all or none: the events go out once every document is signed, so that a batch that
            // fails half-way counts each of its documents as failed, never as both
            for (int i = 0; i < signed.size(); i++) {
                publishSigned(user, channel, level, signed.get(i).result(), took.get(i));
            }
            return signed;
        } catch (RuntimeException e) {
            throw refused(e, user, channel, level, record, uploads, started);
        } finally {
            Arrays.fill(order.pin(), '\0');
        }
    }

    /**
     * A signing that goes on after the request that asked for it (batch jobs): the checks of
     * {@link #sign} run now, the key is unlocked once, the PIN wiped, and {@code job} signs the
     * documents one at a time with the {@link OneAtATime} it is given, publishing each one's event
     * itself (inside its own transaction). The key is dropped when {@code job} returns. A refusal
     * before the key opens is published as FAILED for every upload and thrown.
     */
    public <T> T signOneAtATime(KysoUser user, Channel channel, SigningOrder order, List<Upload> uploads,
            Function<OneAtATime, T> job) {
        long started = System.nanoTime();
        PadesLevel level = order.level() != null ? order.level() : properties.level();
        CertificateRecord record = null;
        boolean[] opened = {false};
        try {
            record = checked(user, order, uploads);
            VisibleSignature visible = appearance.visible(user, order, record);
            String reason = appearance.reason(order);
            CertificateRecord chosen = record;
            return unlock(user, record, order, uploads.size(), key -> {
                opened[0] = true;
                Arrays.fill(order.pin(), '\0');
                return job.apply(new OneAtATime(this, signer, key, level, visible, reason, user, channel, chosen));
            });
        } catch (RuntimeException e) {
            throw opened[0] ? e : refused(e, user, channel, level, record, uploads, started);
        } finally {
            Arrays.fill(order.pin(), '\0');
        }
    }

    /** A refusal before any document was signed: FAILED for each upload, in the words the user needs. */
    private RuntimeException refused(RuntimeException e, KysoUser user, Channel channel, PadesLevel level,
            CertificateRecord record, List<Upload> uploads, long started) {
        RuntimeException refusal = translate(e);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        for (Upload upload : uploads) {
            publishFailed(user, channel, level, record, sha256(upload.content()), elapsed, code(refusal));
        }
        return refusal;
    }

    /** The checks before the key is unlocked: documents, limits, the certificate; returns the certificate. */
    private CertificateRecord checked(KysoUser user, SigningOrder order, List<Upload> uploads) {
        if (uploads.isEmpty() || uploads.stream().anyMatch(u -> u.content().length == 0)) {
            throw new SigningRefusedException(Reason.NO_DOCUMENT, "no document");
        }
        if (uploads.size() > properties.maxBatchFiles()) {
            throw new SigningRefusedException(Reason.TOO_MANY_DOCUMENTS, "too many documents",
                    properties.maxBatchFiles());
        }
        uploads.forEach(u -> pages.inspect(u.content()));
        String serial = order.certificateSerial();
        if (order.activation() != null) {
            serial = activations.certificateOf(user, order);
        } else if (order.pin().length == 0) {
            throw new SigningRefusedException(Reason.CREDENTIAL_REQUIRED, "neither PIN nor activation");
        }
        CertificateRecord record = certificates.choose(user, serial, order.step().kind());
        if (order.step() == SigningStep.ISSUE) {
            uploads.forEach(u -> requireValidPersonalSignature(u.content()));
        }
        return record;
    }

    /**
     * Runs {@code use} with the custody key, as signing-core's {@code SigningKey}: unlocked with
     * the PIN, or taken from the order's activation for {@code signatures} signatures.
     */
    private <T> T unlock(KysoUser user, CertificateRecord record, SigningOrder order, int signatures, KeyUser<T> use) {
        // the key is converted once for the provider that signs fastest (native RSA: ~4x the JDK)
        KeyUse<T> keyUse = key -> use.use(InMemorySigningKey.prepared(crypto.prepare(key.privateKey(), null), key.chain()));
        return order.activation() == null
                ? ca.withCustodyKey(user.getUsername(), record.serial(), order.pin(), keyUse)
                : ca.withActivatedKey(user.getUsername(), order.activation(), signatures, keyUse);
    }

    private interface KeyUser<T> {
        T use(InMemorySigningKey key);
    }

    /**
     * Issuing is for a document its authorized person has signed already: at least one VALID
     * signature by a personal certificate (kyso's register says PERSONAL; for another CA's
     * certificate, one that is not an agency's, which carries a tax code).
     */
    private void requireValidPersonalSignature(byte[] pdf) {
        boolean found = verifier.verify(pdf).signatures().stream()
                .filter(s -> s.indication() == Indication.VALID)
                .anyMatch(this::isPersonal);
        if (!found) {
            throw new SigningRefusedException(Reason.NO_VALID_PERSONAL_SIGNATURE, "no valid personal signature");
        }
    }

    private boolean isPersonal(SignatureReport signature) {
        if (signature.certificateSerial() == null) {
            return false;
        }
        return certificates.find(new BigInteger(signature.certificateSerial(), 16))
                .filter(r -> sameName(r.certificate().getIssuerX500Principal(), signature.issuer()))
                .map(r -> r.kind() == CertificateKind.PERSONAL)
                .orElseGet(() -> signature.signerSubject() == null || !signature.signerSubject().contains("MST:"));
    }

    /** CA refusals become the service's own, with the words the user needs. */
    public static RuntimeException translate(RuntimeException e) {
        if (!(e instanceof CaException ca)) {
            return e;
        }
        return switch (ca.code()) {
            case WRONG_PIN -> {
                yield SigningRefusedException.wrongPin(ca.attemptsLeft().isPresent() ? ca.attemptsLeft().getAsInt() : null);
            }
            case ACTIVATION_UNKNOWN -> new SigningRefusedException(Reason.ACTIVATION_UNKNOWN, "unknown activation");
            case ACTIVATION_EXPIRED -> new SigningRefusedException(Reason.ACTIVATION_EXPIRED, "activation expired");
            case ACTIVATION_NOT_YOURS -> new SigningRefusedException(Reason.ACTIVATION_NOT_YOURS, "not your activation");
            case ACTIVATION_EXHAUSTED -> SigningRefusedException.exhausted(ca.signaturesLeft().orElse(0));
            case KEY_LOCKED -> new SigningRefusedException(Reason.KEY_LOCKED, "key locked");
            case PIN_NOT_CHOSEN -> new SigningRefusedException(Reason.PIN_NOT_CHOSEN, "no PIN chosen yet");
            case PIN_ALREADY_CHOSEN -> new SigningRefusedException(Reason.PIN_ALREADY_CHOSEN, "PIN chosen already");
            case NO_CUSTODY_KEY -> new SigningRefusedException(Reason.NO_CUSTODY_KEY, "no custody key");
            case INVALID_STATUS -> new SigningRefusedException(Reason.CERTIFICATE_REVOKED, "certificate not active");
            case UNKNOWN_CERTIFICATE -> new SigningRefusedException(Reason.NOT_YOUR_CERTIFICATE, "unknown certificate");
            default -> e;
        };
    }

    static String code(RuntimeException e) {
        if (e instanceof SigningRefusedException r) {
            return r.reason().name();
        }
        if (e instanceof SigningException s) {
            return s.code().name();
        }
        if (e instanceof CaException c) {
            return c.code().name();
        }
        return "INTERNAL_ERROR";
    }

    void publishSigned(KysoUser user, Channel channel, PadesLevel level, SignResult result, Duration took) {
        X509Certificate cert = result.signingCertificate();
        events.publishEvent(new DocumentSigned(cert.getIssuerX500Principal().getName(),
                cert.getSerialNumber().toString(16), HexFormat.of().formatHex(result.documentSha256()),
                result.fieldName(), clock.instant(), channel, level, took, Outcome.SIGNED, null, user.getUsername(),
                result.signatureId()));
    }

    void publishFailed(KysoUser user, Channel channel, PadesLevel level, CertificateRecord record, String sha256,
            Duration took, String failure) {
        X509Certificate cert = record == null ? null : record.certificate();
        events.publishEvent(new DocumentSigned(cert == null ? null : cert.getIssuerX500Principal().getName(),
                record == null ? null : record.serialHex(), sha256, null, clock.instant(), channel, level, took,
                Outcome.FAILED, failure, user.getUsername()));
        log.info("Signing refused for {}: {}", user.getUsername(), failure);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean sameName(X500Principal name, String dn) {
        try {
            return dn != null && name.equals(new X500Principal(dn));
        } catch (IllegalArgumentException unreadable) {
            return false;
        }
    }

    /** The subject's common name (the agency's name on an agency certificate). */
    static String commonName(X509Certificate certificate) {
        X500Name subject = X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        RDN[] names = subject.getRDNs(BCStyle.CN);
        return names.length == 0 ? subject.toString() : IETFUtils.valueToString(names[0].getFirst().getValue());
    }
}
