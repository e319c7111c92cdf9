package vn.kyso.signing.pades;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;

import vn.kyso.signing.DigestAlgorithm;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.PreparedSignature;
import vn.kyso.signing.RevocationSource;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.SignResult;
import vn.kyso.signing.SignatureId;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.SigningException.ErrorCode;
import vn.kyso.signing.TimestampSource;
import vn.kyso.signing.cms.CadesSignedData;
import vn.kyso.signing.cms.KeyPolicy;
import vn.kyso.signing.cms.SignatureAlgorithm;

/**
 * Runs the PAdES levels as successive incremental updates: the CMS signature (B-B, with its
 * signature timestamp for B-T), the /DSS (B-LT), the document timestamp (B-LTA). Thread-safe.
 */
public final class PadesPipeline {

    private final Clock clock;
    private final TimestampSource timestampSource;
    private final Function<URI, TimestampSource> timestampSourceForUrl;
    private final RevocationSource revocationSource;
    private final PreparedStore prepared;
    /** The largest token seen so far: sizes /Contents without a huge fixed pad. */
    private final AtomicInteger tokenSize = new AtomicInteger(4096);

    public PadesPipeline(Clock clock, TimestampSource timestampSource,
            Function<URI, TimestampSource> timestampSourceForUrl, RevocationSource revocationSource,
            Duration preparedLifetime) {
        this.clock = clock;
        this.timestampSource = timestampSource;
        this.timestampSourceForUrl = timestampSourceForUrl;
        this.revocationSource = revocationSource;
        this.prepared = new PreparedStore(clock, preparedLifetime);
    }

    /** One-step signing of {@code in} into {@code out}. */
    public SignResult sign(SignRequest request, PdfSource in, OutputStream out) {
        Instant now = clock.instant();
        SignatureAlgorithm algorithm = checkRequest(request, now);
        TimestampSource tsa = request.level().atLeast(PadesLevel.B_T) ? timestampSource(request) : null;
        byte[][] token = new byte[1][];
        byte[][] cms = new byte[1][];
        byte[][] signatureValue = new byte[1][];
        MeasuredOutput measured = new MeasuredOutput(out);
        try (Stages stages = new Stages(in.inMemory())) {
            boolean last = request.level() == PadesLevel.B_B || request.level() == PadesLevel.B_T;
            Stages.Stage stage = last ? null : stages.next();
            CmsSignatureStep.Written written;
            try (OutputStream o = last ? measured : stage.open()) {
                written = CmsSignatureStep.write(in, o, request, now,
                        CmsSignatureStep.estimate(request, tsa == null ? 0 : tokenSize.get() + 512), hash -> {
                            byte[] attrs = CadesSignedData.signedAttributes(request.key().certificate(), algorithm, hash);
                            byte[] value = request.key().sign(attrs, request.digest());
                            signatureValue[0] = value;
                            token[0] = tsa == null ? null : signatureTimestamp(tsa, value, request.digest());
                            cms[0] = CadesSignedData.signedData(request.key().certificateChain(), algorithm, attrs,
                                    value, token[0]);
                            return cms[0];
                        });
            }
            if (!last) {
                finishLevels(stage.source(), measured, request.level(), stages, tsa, cms[0], request.key().certificate());
            }
            return result(written.fieldName(), request, now, token[0], signatureValue[0], measured);
        } catch (IOException e) {
            throw new SigningException(ErrorCode.IO_ERROR, "cannot write the signed PDF: " + e.getMessage(), e);
        }
    }

    /** First half of the two-step flow: reserves the signature and returns what to sign. */
    public PreparedSignature prepare(SignRequest request, Path input) {
        Instant now = clock.instant();
        SignatureAlgorithm algorithm = checkRequest(request, now);
        if (request.level().atLeast(PadesLevel.B_T)) {
            timestampSource(request); // fail now, not after the user has signed
        }
        Path file = null;
        try {
            file = Files.createTempFile("kyso-prepared-", ".pdf");
            byte[][] attrs = new byte[1][];
            CmsSignatureStep.Written written;
            try (OutputStream o = new java.io.BufferedOutputStream(Files.newOutputStream(file), 65536)) {
                // the token arrives only at complete time, when the size can no longer change: be generous
                int reserve = CmsSignatureStep.estimate(request,
                        request.level().atLeast(PadesLevel.B_T) ? Math.max(tokenSize.get(), 6144) + 2048 : 0);
                written = CmsSignatureStep.write(PdfSource.of(input), o, request, now, reserve, hash -> {
                    attrs[0] = CadesSignedData.signedAttributes(request.key().certificate(), algorithm, hash);
                    return new byte[0];
                });
            }
            String handle = prepared.put(new PreparedStore.Entry(file, written.byteRange(), request, algorithm, attrs[0],
                    written.fieldName(), now, prepared.expiryFromNow()));
            return new PreparedSignature(handle, attrs[0], request.digest().newDigest().digest(attrs[0]),
                    request.digest(), request.key().scheme());
        } catch (IOException | RuntimeException e) {
            if (file != null) {
                PreparedStore.delete(file);
            }
            if (e instanceof SigningException se) {
                throw se;
            }
            throw new SigningException(ErrorCode.IO_ERROR, "cannot prepare the signature: " + e.getMessage(), e);
        }
    }

    /** Abandons a prepared signature that will not be completed (its temporary file goes at once). */
    public void discard(String handle) {
        prepared.discard(handle);
    }

    /** Second half: embeds {@code signatureValue} (and for B-T+ fetches the timestamp) into {@code out}. */
    public SignResult complete(String handle, byte[] signatureValue, OutputStream out) {
        PreparedStore.Entry entry = prepared.take(handle);
        try (Stages stages = new Stages(false)) {
            SignRequest request = entry.request();
            verifyValue(entry, signatureValue);
            TimestampSource tsa = request.level().atLeast(PadesLevel.B_T) ? timestampSource(request) : null;
            byte[] token = tsa == null ? null : signatureTimestamp(tsa, signatureValue, request.digest());
            byte[] cms = CadesSignedData.signedData(request.key().certificateChain(), entry.algorithm(),
                    entry.signedAttributes(), signatureValue, token);
            int[] br = entry.byteRange();
            int room = (br[2] - br[1] - 2) / 2;
            if (cms.length > room) {
                throw new SigningException(ErrorCode.TSA_UNAVAILABLE, "the timestamp token is larger than the space "
                        + "reserved at prepare time (" + cms.length + " > " + room + " bytes): prepare again");
            }
            MeasuredOutput measured = new MeasuredOutput(out);
            boolean last = !request.level().atLeast(PadesLevel.B_LT);
            Stages.Stage stage = last ? null : stages.next();
            try (OutputStream o = last ? measured : stage.open()) {
                entry.copyWithContents(cms, o);
            }
            if (!last) {
                finishLevels(stage.source(), measured, request.level(), stages, tsa, cms, request.key().certificate());
            }
            return result(entry.fieldName(), request, entry.claimedTime(), token, signatureValue, measured);
        } catch (IOException e) {
            throw new SigningException(ErrorCode.IO_ERROR, "cannot complete the signature: " + e.getMessage(), e);
        } finally {
            PreparedStore.delete(entry.file());
        }
    }

    /** Adds validation data (B-LT) and, for B-LTA, a document timestamp to an already signed PDF. */
    public void extend(PdfSource in, OutputStream out, PadesLevel target) {
        if (!target.atLeast(PadesLevel.B_LT)) {
            throw new SigningException(ErrorCode.INVALID_REQUEST, "extend reaches B-LT or B-LTA, not " + target);
        }
        try (Stages stages = new Stages(in.inMemory())) {
            finishLevels(in, out, target, stages, target == PadesLevel.B_LTA ? defaultTimestampSource() : null, null,
                    null);
        }
    }

    /**
     * Writes the /DSS and, for B-LTA, the document timestamp.
     *
     * @param newCms     the signature just made: revocation data is required for its chains only (an
     *                   earlier signer's offline CA must not block a new signature); null requires it for all
     * @param mustBeGood the new signer's certificate, whose revocation fails the signing; may be null
     */
    private void finishLevels(PdfSource in, OutputStream out, PadesLevel target, Stages stages, TimestampSource tsa,
            byte[] newCms, java.security.cert.X509Certificate mustBeGood) {
        boolean lta = target == PadesLevel.B_LTA;
        Stages.Stage dssStage = lta ? stages.next() : null;
        try (OutputStream o = lta ? dssStage.open() : nonClosing(out); PDDocument doc = PdfOpener.open(in)) {
            if (doc.getSignatureDictionaries().isEmpty()) {
                throw new SigningException(ErrorCode.INVALID_REQUEST, "the PDF has no signature to extend");
            }
            ValidationData data = new ValidationData();
            DssIncrement.collect(doc, data, newCms == null);
            if (newCms != null) {
                data.addCms(newCms, true);
            }
            data.fetchRevocation(revocationSource, mustBeGood);
            DssIncrement.write(doc, data, o);
        } catch (IOException e) {
            throw new SigningException(ErrorCode.IO_ERROR, "cannot write the DSS: " + e.getMessage(), e);
        }
        if (lta) {
            writeDocumentTimestamp(dssStage.source(), out, tsa);
        }
    }

    /** Writes a document timestamp (ETSI.RFC3161) over the whole of {@code in}. */
    public void writeDocumentTimestamp(PdfSource in, OutputStream out, TimestampSource tsa) {
        int reserved = tokenSize.get() + 1024;
        for (int attempt = 0;; attempt++) {
            try (PDDocument doc = PdfOpener.openToAddField(in); SignatureOptions options = new SignatureOptions();
                    OutputStream o = nonClosing(out)) {
                SignatureIncrement.add(doc, SignatureFields.documentTimestamp(), options, reserved);
                SignatureIncrement.write(doc, reserved, DigestAlgorithm.SHA256,
                        hash -> learn(tsa.timestamp(hash, DigestAlgorithm.SHA256)), o);
                return;
            } catch (SignatureIncrement.PlaceholderTooSmall e) {
                if (attempt > 0) {
                    throw new SigningException(ErrorCode.TSA_UNAVAILABLE, "the document timestamp does not fit", e);
                }
                reserved = e.needed() + 1024;
            } catch (IOException e) {
                throw new SigningException(ErrorCode.IO_ERROR, "cannot write the document timestamp", e);
            }
        }
    }

    /** The TimestampSource given at build time (for extend and archive timestamps). */
    public TimestampSource defaultTimestampSource() {
        if (timestampSource == null) {
            throw new SigningException(ErrorCode.TSA_UNAVAILABLE,
                    "no timestamp source: build the PdfSigner with timestampSource(...)");
        }
        return timestampSource;
    }

    private TimestampSource timestampSource(SignRequest request) {
        if (timestampSource != null) {
            return timestampSource;
        }
        if (request.tsaUrl() != null) {
            return timestampSourceForUrl.apply(request.tsaUrl());
        }
        throw new SigningException(ErrorCode.INVALID_REQUEST,
                "level " + request.level().shortName() + " needs a timestamp: give a TSA URL or a TimestampSource");
    }

    private byte[] signatureTimestamp(TimestampSource tsa, byte[] signatureValue, DigestAlgorithm digest) {
        return learn(tsa.timestamp(digest.newDigest().digest(signatureValue), digest));
    }

    private byte[] learn(byte[] token) {
        tokenSize.accumulateAndGet(token.length, Math::max);
        return token;
    }

    private static SignatureAlgorithm checkRequest(SignRequest request, Instant now) {
        java.security.cert.X509Certificate cert = request.key().certificate();
        KeyPolicy.checkKey(cert.getPublicKey(), request.key().scheme());
        KeyPolicy.checkValidity(cert, now);
        return SignatureAlgorithm.of(request.key().scheme(), request.digest());
    }

    private static void verifyValue(PreparedStore.Entry entry, byte[] value) {
        try {
            Signature verifier = entry.algorithm().newSignature(null);
            verifier.initVerify(entry.request().key().certificate().getPublicKey());
            verifier.update(entry.signedAttributes());
            if (value == null || !verifier.verify(value)) {
                throw new SigningException(ErrorCode.INVALID_SIGNING_HANDLE,
                        "the signature value does not match the prepared data and the signer's certificate");
            }
        } catch (GeneralSecurityException e) {
            throw new SigningException(ErrorCode.INVALID_SIGNING_HANDLE, "the signature value is malformed", e);
        }
    }

    private static SignResult result(String field, SignRequest request, Instant claimed, byte[] token,
            byte[] signatureValue, MeasuredOutput measured) {
        Instant tsTime = null;
        if (token != null) {
            try {
                tsTime = new TimeStampToken(new CMSSignedData(token)).getTimeStampInfo().getGenTime().toInstant();
            } catch (Exception e) {
                // the source already checked the token; a missing time only leaves the field empty
            }
        }
        return new SignResult(field, request.level(), request.key().certificate(), claimed, tsTime, measured.sha256(),
                measured.count(), SignatureId.of(signatureValue));
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }
}
