package vn.kyso.server.cli;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;

import vn.kyso.signing.Certification;
import vn.kyso.signing.PdfSigner;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SigningKey;
import vn.kyso.signing.key.Pkcs11SigningKey;
import vn.kyso.signing.key.Pkcs12SigningKey;
import vn.kyso.signing.tsp.HttpTimestampSource;

/**
 * signing-core's {@link PdfSigner} behind the CLI: the key store is parsed (or the token logged
 * in to) once, and one signer and one request serve every file of the batch.
 */
final class LibrarySigner implements DocumentSigner {

    private final PdfSigner signer;
    private final SignRequest request;
    private final int parallelism;

    private LibrarySigner(PdfSigner signer, SignRequest request, int parallelism) {
        this.signer = signer;
        this.request = request;
        this.parallelism = parallelism;
    }

    static DocumentSigner open(SignSettings settings) {
        SigningKey key;
        int parallelism;
        if (settings.key() instanceof KeySource.Pkcs11 p11) {
            // A token signs one operation at a time anyway; one thread keeps its sessions simple.
            key = Pkcs11SigningKey.open(p11.library(), p11.slotIndex(), p11.pin(), null, null);
            parallelism = 1;
        } else {
            KeySource.Pkcs12 p12 = (KeySource.Pkcs12) settings.key();
            // Native (AWS-LC) RSA/EC signing once loaded: RSA-2048 signs about four times faster
            // than the JDK's BigInteger arithmetic, which was about half of a batch's CPU time.
            key = new NativeWhenReady(Pkcs12SigningKey.open(p12.file(), p12.password()));
            parallelism = Runtime.getRuntime().availableProcessors();
        }
        checkValidity(key.certificate(), settings.clock().instant());
        PdfSigner.Builder builder = PdfSigner.builder().clock(settings.clock());
        if (settings.tsa() != null) {
            builder.timestampSource(new HttpTimestampSource(settings.tsa()));
        }
        SignRequest request = SignRequest.builder(key, settings.level())
                .digest(settings.digest())
                .visible(settings.visible())
                .reason(settings.reason())
                .location(settings.location())
                .certification(settings.certify() == null ? null : Certification.ofPermission(settings.certify()))
                .build();
        return new LibrarySigner(builder.build(), request, parallelism);
    }

    /**
     * Checked once before the batch, not per file: an expired certificate is a fact about the key,
     * and the message can say since when.
     */
    private static void checkValidity(X509Certificate certificate, Instant now) {
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            throw new CliFailure(ExitCodes.ERROR, "cert.expired", certificate.getNotAfter().toInstant());
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            throw new CliFailure(ExitCodes.ERROR, "cert.notYetValid", certificate.getNotBefore().toInstant());
        }
    }

    @Override
    public void sign(Path input, Path output) {
        signer.sign(request, input, output);
    }

    @Override
    public int parallelism() {
        return parallelism;
    }

    @Override
    public void close() {
        // the key lives in memory (PKCS#12) or in the provider configured once per token
    }
}
