package vn.kyso.server.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.kyso.server.csc.client.CscCallException;
import vn.kyso.server.csc.client.CscConnection;
import vn.kyso.signing.Certification;
import vn.kyso.signing.PdfSigner;
import vn.kyso.signing.PreparedSignature;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.key.ExternalSigningKey;
import vn.kyso.signing.tsp.HttpTimestampSource;

/**
 * Signs a batch with a key behind a CSC API v2 service. Everything remote happens when it opens:
 * every file is prepared here (signing-core computes the PAdES data to sign), the PIN is given once
 * per group of as many hashes as the service's {@code multisign} allows ({@code credentials/authorize}:
 * one SAD for the group), {@code signHash} signs the group, and {@link #sign} then only assembles
 * each PDF. A file that cannot be prepared is reported by {@link #sign} like any other failure.
 */
final class CscSigner implements DocumentSigner {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final PdfSigner signer;
    private final Map<Path, PreparedSignature> prepared = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<Path, byte[]> values = new HashMap<>();
    private final Map<Path, RuntimeException> failures = new HashMap<>();

    private CscSigner(PdfSigner signer) {
        this.signer = signer;
    }

    /** Signs in, reads the credential, prepares every job and has the service sign their hashes. */
    static CscSigner open(SignSettings settings, List<SigningBatch.Job> jobs) {
        KeySource.Csc key = (KeySource.Csc) settings.key();
        try {
            CscConnection service = CscConnection.signIn(CscConnection.client(TIMEOUT), key.base(), key.user(),
                    key.password(), key.token(), TIMEOUT);
            CscConnection.Credential credential = service.info(key.credential());
            return open(settings, jobs, service, credential, key.pin());
        } catch (CscCallException e) {
            throw failure(e, key.base());
        }
    }

    private static CscSigner open(SignSettings settings, List<SigningBatch.Job> jobs, CscConnection service,
            CscConnection.Credential credential, char[] pin) {
        ExternalSigningKey chain = ExternalSigningKey.chainOnly(credential.chain());
        PdfSigner.Builder builder = PdfSigner.builder().clock(settings.clock());
        if (settings.tsa() != null) {
            builder.timestampSource(new HttpTimestampSource(settings.tsa()));
        }
        SignRequest request = SignRequest.builder(chain, settings.level()).digest(settings.digest())
                .visible(settings.visible()).reason(settings.reason()).location(settings.location())
                .certification(settings.certify() == null ? null : Certification.ofPermission(settings.certify()))
                .build();
        CscSigner result = new CscSigner(builder.build());
        List<Path> ready = new ArrayList<>();
        for (SigningBatch.Job job : jobs) {
            try {
                InputFiles.checkPdf(job.input(), ExitCodes.FAILED);
                result.prepared.put(job.input(), result.signer.prepare(request, job.input()));
                ready.add(job.input());
            } catch (SigningException | CliFailure e) {
                result.failures.put(job.input(), e);
            }
        }
        try {
            List<byte[]> hashes = ready.stream().map(p -> result.prepared.get(p).hash()).toList();
            List<byte[]> signatures = service.sign(credential, hashes, settings.digest(), pin);
            for (int i = 0; i < ready.size(); i++) {
                result.values.put(ready.get(i), signatures.get(i));
            }
            return result;
        } catch (RuntimeException e) {
            result.close(); // nothing will be completed: the prepared files go now
            throw e;
        }
    }

    /** A failed call as the command's one line. */
    private static CliFailure failure(CscCallException e, java.net.URI base) {
        return switch (e.kind()) {
            case UNREACHABLE -> new CliFailure(ExitCodes.ERROR, "csc.unreachable", base);
            case REFUSED -> new CliFailure(ExitCodes.ERROR, "csc.refused", e.method(), e.status(), e.description());
            case BAD_ANSWER -> new CliFailure(ExitCodes.ERROR, "csc.badAnswer", e.method());
        };
    }

    @Override
    public void sign(Path input, Path output) {
        RuntimeException failure = failures.get(input);
        if (failure != null) {
            throw failure;
        }
        PreparedSignature p = prepared.get(input);
        byte[] value = values.get(input);
        if (p == null || value == null) {
            throw new IllegalStateException("no prepared signature for " + input);
        }
        prepared.remove(input);
        signer.complete(p, value, output);
    }

    /** Discards what was prepared and not completed (a file the batch skipped, or a refusal). */
    @Override
    public void close() {
        prepared.values().forEach(signer::discard);
        prepared.clear();
    }
}
