package vn.kyso.server.signing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import vn.kyso.server.security.KysoUser;
import vn.kyso.server.signing.DocumentSigned.Channel;
import vn.kyso.server.signing.DocumentSigned.Outcome;
import vn.kyso.server.signing.SigningRefusedException.Reason;
import vn.kyso.signing.DigestAlgorithm;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.PdfSigner;
import vn.kyso.signing.PreparedSignature;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignResult;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.key.ExternalSigningKey;

/**
 * Two-step signing for keys kyso does not hold (a USB token in the officer's browser, another
 * signing service): {@link #prepare} returns the hash to sign and a handle; {@link #complete}
 * takes the signature value and returns the signed PDF. A handle is the preparer's only, is
 * used once, and expires after {@code kyso.signing.prepared-lifetime}. A certificate of kyso's
 * own register must be the caller's and valid; another CA's certificate is the caller's word.
 */
@Service
public class TwoStepSigning {

    /** What {@link #prepare} hands back. */
    public record Prepared(String handle, String hashToSign, String toBeSigned, String digestAlgorithm,
            String signatureScheme, String algorithm, Instant expiresAt) {
    }

    /**
     * A prepared signature waiting for its value. {@code remote} is the session with the
     * remote-signing service whose key signs it when the handle is completed with a PIN; null when
     * the caller signs the hash itself.
     */
    private record Pending(long accountId, PadesLevel level, String uploadSha256, long startedNanos, Instant expires,
            PreparedSignature prepared, RemoteKeys.Session remote) {
    }

    private final PdfSigner signer;
    private final PdfPages pages;
    private final SigningCertificates certificates;
    private final SigningProperties properties;
    private final RemoteKeys remoteKeys;
    private final SigningImages images;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final java.util.Set<String> completing = ConcurrentHashMap.newKeySet();

    TwoStepSigning(PdfSigner signer, PdfPages pages, SigningCertificates certificates, SigningProperties properties,
            RemoteKeys remoteKeys, SigningImages images, ApplicationEventPublisher events, Clock clock) {
        this.images = images;
        this.signer = signer;
        this.pages = pages;
        this.certificates = certificates;
        this.properties = properties;
        this.remoteKeys = remoteKeys;
        this.events = events;
        this.clock = clock;
    }

    /** Prepares the upload for the signer certificate of the chain (PEM, signer first): the caller signs the hash. */
    public Prepared prepare(KysoUser user, Upload upload, String chainPem, PadesLevel requested, SigningLayout layout) {
        return prepare(user, upload, parseChain(chainPem), requested, layout, null);
    }

    /**
     * Prepares the upload for the officer's key on a remote-signing service: kyso signs in to the
     * service and reads the credential's chain now; {@link #completeRemote} gives the PIN to the
     * service for this hash and finishes the PDF.
     */
    public Prepared prepareRemote(KysoUser user, Upload upload, RemoteKeys.Login login, PadesLevel requested,
            SigningLayout layout) {
        RemoteKeys.Session session = remoteKeys.open(login);
        return prepare(user, upload, session.credential().chain(), requested, layout, session);
    }

    /**
     * Signs the uploads with the officer's key on a remote-signing service, in one request: every
     * document is prepared, the service signs all their hashes (one PIN entry per group of as many
     * as it allows) and the PDFs are finished. All are signed or none (a refusal discards every
     * prepared document).
     */
    public List<SignedDocument> signRemote(KysoUser user, List<Upload> uploads, RemoteKeys.Login login, char[] pin,
            PadesLevel requested, SigningLayout layout, Channel channel) {
        if (uploads.isEmpty()) {
            throw new SigningRefusedException(Reason.NO_DOCUMENT, "no document");
        }
        if (uploads.size() > properties.maxBatchFiles()) {
            throw new SigningRefusedException(Reason.TOO_MANY_DOCUMENTS, "too many documents",
                    properties.maxBatchFiles());
        }
        if (pin == null || pin.length == 0) {
            throw new SigningRefusedException(Reason.CREDENTIAL_REQUIRED, "PIN required");
        }
        RemoteKeys.Session session = remoteKeys.open(login);
        List<String> handles = new ArrayList<>();
        try {
            for (Upload upload : uploads) {
                handles.add(prepare(user, upload, session.credential().chain(), requested, layout, session).handle());
            }
            List<byte[]> hashes = handles.stream().map(h -> pending.get(h).prepared().hash()).toList();
            DigestAlgorithm digest = pending.get(handles.get(0)).prepared().digest();
            List<byte[]> values = remoteKeys.sign(session, hashes, digest, pin);
            List<SignedDocument> signed = new ArrayList<>();
            for (int i = 0; i < handles.size(); i++) {
                SignedDocument document = complete(user, handles.get(i), values.get(i), channel);
                signed.add(new SignedDocument(uploads.get(i).signedName(), document.pdf(),
                        document.result()));
            }
            return signed;
        } catch (RuntimeException e) {
            handles.forEach(this::discard);
            throw e;
        }
    }

    private Prepared prepare(KysoUser user, Upload upload, List<X509Certificate> chain, PadesLevel requested,
            SigningLayout layout, RemoteKeys.Session remote) {
        PadesLevel level = requested != null ? requested : properties.level();
        pages.inspect(upload.content());
        X509Certificate signerCertificate = chain.get(0);
        certificates.find(signerCertificate.getSerialNumber())
                .filter(r -> r.certificate().equals(signerCertificate))
                .ifPresent(r -> {
                    certificates.ownedKysoCertificate(user, r.serial()).orElseThrow(() ->
                            new SigningRefusedException(Reason.NOT_YOUR_CERTIFICATE, "not the caller's certificate"));
                    certificates.requireValid(r);
                });
        SignRequest request = SignRequest.builder(ExternalSigningKey.chainOnly(chain), level)
                .visible(layout == null ? null : layout.personal(layout.placesSignature()
                        ? images.signatureImage(user).orElse(null) : null)).build();
        Path input = null;
        try {
            input = Files.createTempFile("kyso-prepare-", ".pdf");
            Files.write(input, upload.content());
            PreparedSignature prepared = signer.prepare(request, input);
            Instant expires = clock.instant().plus(properties.preparedLifetime());
            purgeExpired();
            pending.put(prepared.handleId(), new Pending(user.accountId(), level,
                    DocumentSigning.sha256(upload.content()), System.nanoTime(), expires, prepared, remote));
            String digest = prepared.digest().name();
            String scheme = prepared.scheme().name();
            return new Prepared(prepared.handleId(), base64(prepared.hash()), base64(prepared.toBeSigned()),
                    prepared.digest().jcaName(), scheme, algorithm(digest, scheme), expires);
        } catch (IOException e) {
            throw new SigningException(SigningException.ErrorCode.IO_ERROR, "cannot spool the upload", e);
        } finally {
            deleteQuietly(input);
        }
    }

    /**
     * Completes a handle from {@link #prepareRemote}: the remote service signs its hash with the
     * PIN given here. A refusal (a wrong PIN) leaves the handle open for another try until it expires.
     */
    public SignedDocument completeRemote(KysoUser user, String handle, char[] pin, Channel channel) {
        Pending entry = owned(user, handle);
        if (entry.remote() == null) {
            throw new SigningRefusedException(Reason.INVALID_FIELD, "prepared for a signature value", "signature");
        }
        // one completion at a time per handle: a second concurrent one must not have the key sign again
        if (!completing.add(handle)) {
            throw new SigningException(SigningException.ErrorCode.INVALID_SIGNING_HANDLE, "handle being completed");
        }
        try {
            byte[] value = remoteKeys.sign(entry.remote(), List.of(entry.prepared().hash()),
                    entry.prepared().digest(), pin).get(0);
            return complete(user, handle, value, channel);
        } finally {
            completing.remove(handle);
        }
    }

    public SignedDocument complete(KysoUser user, String handle, byte[] signatureValue, Channel channel) {
        Pending entry = owned(user, handle);
        if (!pending.remove(handle, entry)) {
            throw new SigningException(SigningException.ErrorCode.INVALID_SIGNING_HANDLE, "unknown or used handle");
        }
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            SignResult result = signer.complete(handle, signatureValue, pdf);
            X509Certificate cert = result.signingCertificate();
            events.publishEvent(new DocumentSigned(cert.getIssuerX500Principal().getName(),
                    cert.getSerialNumber().toString(16), HexFormat.of().formatHex(result.documentSha256()),
                    result.fieldName(), clock.instant(), channel, entry.level(),
                    Duration.ofNanos(System.nanoTime() - entry.startedNanos()), Outcome.SIGNED, null,
                    user.getUsername(), result.signatureId()));
            return new SignedDocument("document-signed.pdf", pdf.toByteArray(), result);
        } catch (SigningException e) {
            events.publishEvent(new DocumentSigned(null, null, entry.uploadSha256(), null, clock.instant(), channel, entry.level(),
                    Duration.ofNanos(System.nanoTime() - entry.startedNanos()), Outcome.FAILED, e.code().name(),
                    user.getUsername()));
            throw e;
        }
    }

    /** The caller's own open handle. */
    private Pending owned(KysoUser user, String handle) {
        Pending entry = handle == null ? null : pending.get(handle);
        if (entry != null && entry.accountId() != user.accountId()) {
            throw new SigningRefusedException(Reason.HANDLE_NOT_YOURS, "handle of another account");
        }
        if (entry == null || clock.instant().isAfter(entry.expires())) {
            throw new SigningException(SigningException.ErrorCode.INVALID_SIGNING_HANDLE, "unknown or used handle");
        }
        return entry;
    }

    private void discard(String handle) {
        Pending entry = pending.remove(handle);
        if (entry != null) {
            signer.discard(entry.prepared());
        }
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        pending.entrySet().removeIf(e -> {
            boolean expired = now.isAfter(e.getValue().expires());
            if (expired) {
                signer.discard(e.getValue().prepared());
            }
            return expired;
        });
    }

    private static List<X509Certificate> parseChain(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new SigningRefusedException(Reason.INVALID_FIELD, "the certificate chain is required",
                    "certificateChain");
        }
        try {
            List<X509Certificate> chain = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
                chain.add((X509Certificate) c);
            }
            if (chain.isEmpty()) {
                throw new CertificateException("no certificate");
            }
            return chain;
        } catch (CertificateException e) {
            throw new SigningRefusedException(Reason.INVALID_CERTIFICATE_CHAIN, "unreadable chain");
        }
    }

    private static String algorithm(String digest, String scheme) {
        String hash = digest.replace("-", "");
        return switch (scheme) {
            case "ECDSA" -> hash + "withECDSA";
            case "RSA_PSS" -> hash + "withRSAandMGF1";
            default -> hash + "withRSA";
        };
    }

    private static String base64(byte[] bytes) {
        return java.util.Base64.getEncoder().encodeToString(bytes);
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temporary file; the OS cleans its temp folder
            }
        }
    }
}
