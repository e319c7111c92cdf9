package vn.kyso.server.csc;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import vn.kyso.ca.CaException;
import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.KeyActivation;
import vn.kyso.server.csc.CscException.Error;
import vn.kyso.server.csc.HashSigner.Algorithm;
import vn.kyso.server.csc.HashSigner.PrivateKeyFamily;
import vn.kyso.server.csc.SadStore.Sad;
import vn.kyso.server.security.KysoUser;
import vn.kyso.server.signing.DocumentSigned;
import vn.kyso.server.signing.DocumentSigned.Channel;
import vn.kyso.server.signing.DocumentSigned.Outcome;
import vn.kyso.server.signing.SigningActivations;
import vn.kyso.server.signing.SigningRefusedException;
import vn.kyso.signing.SignatureId;

/**
 * {@code credentials/authorize} and {@code signatures/signHash}: the officer's PIN opens the
 * custody key through the CA's activation facade (the PIN attempt counted toward the key's lock
 * like any other) for exactly the hashes named; the SAD is that activation's secret, kept here
 * with the hashes it is bound to, and taken by its one use. Each hash signed is a SIGNED usage
 * event, and each signHash an entry in the CA's audit log.
 */
@Service
class CscSignatures {

    private static final Logger log = LoggerFactory.getLogger(CscSignatures.class);

    private final CscCredentials credentials;
    private final SigningActivations activations;
    private final CertificateAuthority ca;
    private final SadStore sads;
    private final CscProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CscSignatures(CscCredentials credentials, SigningActivations activations, CertificateAuthority ca, SadStore sads,
            CscProperties properties, ApplicationEventPublisher events, Clock clock) {
        this.credentials = credentials;
        this.activations = activations;
        this.ca = ca;
        this.sads = sads;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    /** A SAD and how many seconds it lasts. */
    record Authorization(String sad, long expiresIn) {
        @Override
        public String toString() {
            return "Authorization[expiresIn=" + expiresIn + "]";
        }
    }

    /**
     * Checks the PIN for {@code numSignatures} signatures of {@code hashes} (base64; none: a signDoc
     * authorization for that many documents) and returns a SAD bound to them. The PIN is wiped.
     */
    Authorization authorize(KysoUser user, String credentialId, Integer numSignatures, List<String> hashes,
            char[] pin) {
        try {
            if (numSignatures == null || numSignatures < 1) {
                throw new CscException(Error.INVALID_REQUEST, "Missing (or invalid type) integer parameter numSignatures");
            }
            if (numSignatures > properties.maxHashes()) {
                throw new CscException(Error.INVALID_REQUEST,
                        "numSignatures is more than " + properties.maxHashes() + " (kyso.csc.max-hashes)");
            }
            List<String> bound = hashes == null ? List.of() : hashes.stream().map(CscSignatures::canonical).toList();
            if (!bound.isEmpty() && new HashSet<>(bound).size() != numSignatures) {
                throw new CscException(Error.INVALID_REQUEST, "numSignatures does not match the number of hashes");
            }
            if (pin == null || pin.length == 0) {
                throw new CscException(Error.INVALID_REQUEST, "Missing (or invalid type) string parameter PIN");
            }
            CertificateRecord record = credentials.usable(user, credentialId);
            KeyActivation activation = activations.authorize(user, record.serialHex(), pin, numSignatures,
                    properties.sadLifetime());
            sads.save(activation.token(), new Sad(user.getUsername(), activation.id(), record.serialHex(), bound,
                    numSignatures, activation.expiresAt()));
            return new Authorization(activation.token(),
                    Math.max(1, Duration.between(clock.instant(), activation.expiresAt()).toSeconds()));
        } catch (SigningRefusedException e) {
            throw CscErrors.of(e);
        } finally {
            if (pin != null) {
                Arrays.fill(pin, '\0');
            }
        }
    }

    /** Signs the hashes the SAD was given for (all or a part of them), once; the SAD is then spent. */
    List<String> signHash(KysoUser user, String credentialId, String sad, List<String> hashes, String hashAlgo,
            String signAlgo, String signAlgoParams) {
        long started = System.nanoTime();
        if (hashes == null || hashes.isEmpty()) {
            throw new CscException(Error.INVALID_REQUEST, "Missing (or invalid type) array parameter hashes");
        }
        List<String> asked = hashes.stream().map(CscSignatures::canonical).toList();
        Sad row = usableSad(user, credentialId, sad);
        if (row.hashes().isEmpty() || !new HashSet<>(row.hashes()).containsAll(asked)) {
            throw new CscException(Error.INVALID_REQUEST, "The SAD was not given for these hashes");
        }
        CertificateRecord record = credentials.usable(user, credentialId);
        X509Certificate certificate = record.certificate();
        Algorithm algorithm = HashSigner.algorithm(signAlgo, hashAlgo, params(signAlgoParams),
                PrivateKeyFamily.of(certificate.getPublicKey()));
        int length = HashSigner.hashLength(algorithm);
        List<byte[]> values = asked.stream().map(h -> Base64.getDecoder().decode(h)).toList();
        if (values.stream().anyMatch(v -> v.length != length)) {
            throw new CscException(Error.INVALID_REQUEST, "A hash is not " + length + " bytes long, as hashAlgorithmOID says");
        }
        if (!sads.take(sad)) {
            throw new CscException(Error.INVALID_REQUEST, "The SAD was used already");
        }
        List<String> signatures;
        try {
            signatures = ca.withActivatedKey(user.getUsername(), sad, values.size(), key -> {
                List<String> out = new ArrayList<>(values.size());
                for (byte[] value : values) {
                    out.add(Base64.getEncoder().encodeToString(HashSigner.sign(key.privateKey(), algorithm, value)));
                }
                return out;
            });
        } catch (CaException e) {
            throw CscErrors.of(e);
        } finally {
            endRest(user, row, values.size());
        }
        Duration took = Duration.ofNanos((System.nanoTime() - started) / Math.max(1, values.size()));
        Instant now = clock.instant();
        for (int i = 0; i < values.size(); i++) {
            // the signature's identity (SHA-256 of its value) is the one the PDF that embeds it shows
            // (SignResult, SEEN and VERIFIED events): one signature counts once, whether it is met here,
            // in kyso's own two-step completion of it, or in the document later (issue 15)
            events.publishEvent(new DocumentSigned(certificate.getIssuerX500Principal().getName(),
                    record.serialHex(), eventDigest(values.get(i)), "signHash", now, Channel.CSC, null, took,
                    Outcome.SIGNED, null, user.getUsername(),
                    SignatureId.of(Base64.getDecoder().decode(signatures.get(i)))));
        }
        ca.audit(user.getUsername(), "CSC_SIGN_HASH", record.serialHex(),
                values.size() + " hash(es), signAlgo " + signAlgo.strip() + ", hash " + algorithm.hashOid());
        return signatures;
    }

    /** The caller's unexpired SAD for this credential. */
    Sad usableSad(KysoUser user, String credentialId, String sad) {
        if (sad == null || sad.isBlank()) {
            throw new CscException(Error.INVALID_REQUEST, "Missing (or invalid type) string parameter SAD");
        }
        Sad row = sads.find(sad.strip()).filter(r -> r.account().equals(user.getUsername()))
                .orElseThrow(() -> new CscException(Error.INVALID_REQUEST, "Invalid parameter SAD"));
        if (!clock.instant().isBefore(row.expiresAt())) {
            throw new CscException(Error.INVALID_REQUEST, "SAD expired");
        }
        if (credentialId == null || !credentialId.strip().equalsIgnoreCase(row.serial())) {
            throw new CscException(Error.INVALID_REQUEST, "Invalid parameter credentialID");
        }
        return row;
    }

    /** A SAD is used once: what its activation still allows is ended with it. */
    void endRest(KysoUser user, Sad row, int used) {
        if (used < row.signatures()) {
            try {
                activations.end(user, row.activationId());
            } catch (RuntimeException e) {
                log.warn("Could not end the rest of activation {}: {}", row.activationId(), e.getClass().getSimpleName());
            }
        }
    }

    /**
     * What a signHash event names as its document: the document is not seen, so the hash signed
     * stands for it (a SHA-384 or SHA-512 hash by its SHA-256, since events carry SHA-256).
     */
    private static String eventDigest(byte[] hash) {
        if (hash.length == 32) {
            return HexFormat.of().formatHex(hash);
        }
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(hash));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** Base64 with padding, so that the same hash always compares equal. */
    private static String canonical(String base64) {
        try {
            return Base64.getEncoder().encodeToString(Base64.getDecoder().decode(base64.strip()));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CscException(Error.INVALID_REQUEST, "Invalid Base64 hashes string parameter");
        }
    }

    private static byte[] params(String base64) {
        if (base64 == null || base64.isBlank()) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new CscException(Error.INVALID_REQUEST, "Invalid parameter signAlgoParams");
        }
    }
}
