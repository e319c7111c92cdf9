package vn.kyso.server.cli;

import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import vn.kyso.signing.Certification;
import vn.kyso.signing.DigestAlgorithm;
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
        CscClient client = CscClient.signIn(key);
        CscClient.Credential credential = client.info(key.credential());
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
            String hashOid = settings.digest().oid().getId();
            String signAlgo = signAlgo(credential, settings.digest());
            for (int from = 0; from < ready.size(); from += credential.multisign()) {
                List<Path> group = ready.subList(from, Math.min(ready.size(), from + credential.multisign()));
                List<byte[]> hashes = group.stream().map(p -> result.prepared.get(p).hash()).toList();
                String sad = client.authorize(key.credential(), hashes, hashOid, key.pin());
                List<byte[]> signatures = client.signHash(key.credential(), sad, hashes, hashOid, signAlgo);
                for (int i = 0; i < group.size(); i++) {
                    result.values.put(group.get(i), signatures.get(i));
                }
            }
            return result;
        } catch (RuntimeException e) {
            result.close(); // nothing will be completed: the prepared files go now
            throw e;
        }
    }

    /** sha*WithRSAEncryption (PKCS#1 v1.5) or ecdsa-with-SHA*, as the signer certificate's key asks. */
    private static String signAlgo(CscClient.Credential credential, DigestAlgorithm digest) {
        int n = switch (digest) {
            case SHA256 -> 0;
            case SHA384 -> 1;
            case SHA512 -> 2;
        };
        var key = credential.chain().get(0).getPublicKey();
        if (key instanceof RSAPublicKey) {
            return "1.2.840.113549.1.1." + (11 + n);
        }
        if (key instanceof ECPublicKey) {
            return "1.2.840.10045.4.3." + (2 + n);
        }
        throw new SigningException(SigningException.ErrorCode.UNSUPPORTED_KEY,
                "the credential's key is neither RSA nor EC: " + key.getAlgorithm());
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
