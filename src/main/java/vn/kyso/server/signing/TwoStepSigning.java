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

    private record Pending(long accountId, PadesLevel level, String uploadSha256, long startedNanos, Instant expires) {
    }

    private final PdfSigner signer;
    private final PdfPages pages;
    private final SigningCertificates certificates;
    private final SigningProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    TwoStepSigning(PdfSigner signer, PdfPages pages, SigningCertificates certificates, SigningProperties properties,
            ApplicationEventPublisher events, Clock clock) {
        this.signer = signer;
        this.pages = pages;
        this.certificates = certificates;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    public Prepared prepare(KysoUser user, Upload upload, String chainPem, PadesLevel requested, SigningLayout layout) {
        PadesLevel level = requested != null ? requested : properties.level();
        pages.inspect(upload.content());
        List<X509Certificate> chain = parseChain(chainPem);
        X509Certificate signerCertificate = chain.get(0);
        certificates.find(signerCertificate.getSerialNumber())
                .filter(r -> r.certificate().equals(signerCertificate))
                .ifPresent(r -> {
                    certificates.ownedKysoCertificate(user, r.serial()).orElseThrow(() ->
                            new SigningRefusedException(Reason.NOT_YOUR_CERTIFICATE, "not the caller's certificate"));
                    certificates.requireValid(r);
                });
        SignRequest request = SignRequest.builder(ExternalSigningKey.chainOnly(chain), level)
                .visible(layout == null ? null : layout.personal(null)).build();
        Path input = null;
        try {
            input = Files.createTempFile("kyso-prepare-", ".pdf");
            Files.write(input, upload.content());
            PreparedSignature prepared = signer.prepare(request, input);
            Instant expires = clock.instant().plus(properties.preparedLifetime());
            purgeExpired();
            pending.put(prepared.handleId(), new Pending(user.accountId(), level,
                    DocumentSigning.sha256(upload.content()), System.nanoTime(), expires));
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

    public SignedDocument complete(KysoUser user, String handle, byte[] signatureValue, Channel channel) {
        Pending entry = handle == null ? null : pending.get(handle);
        if (entry != null && entry.accountId() != user.accountId()) {
            throw new SigningRefusedException(Reason.HANDLE_NOT_YOURS, "handle of another account");
        }
        if (entry == null || !pending.remove(handle, entry)) {
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

    private void purgeExpired() {
        Instant now = clock.instant();
        pending.values().removeIf(p -> now.isAfter(p.expires()));
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
