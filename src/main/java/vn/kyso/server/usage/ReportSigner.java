package vn.kyso.server.usage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Properties;

import org.springframework.stereotype.Component;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.CertificateStatus;
import vn.kyso.ca.CustodyIssueRequest;
import vn.kyso.ca.NewAgency;
import vn.kyso.ca.Unit;
import vn.kyso.server.config.KysoProperties;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.PdfSigner;
import vn.kyso.signing.SignRequest;
import vn.kyso.signing.key.InMemorySigningKey;
import vn.kyso.usage.SnapshotSigner;

/**
 * Signs kyso's own PDF reports with the province's agency certificate, so that a report is
 * tamper-evident. The certificate is a system custody key: issued by kyso's CA on first use to
 * the province's people's committee, its PIN random and kept in an owner-only file of the data
 * folder (like the CA passphrase), never shown. Its holder is excluded from usage counts.
 */
@Component
public class ReportSigner {

    static final String FILE = "report-signer.properties";
    static final String ACTOR = "kyso-reports";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final CertificateAuthority ca;
    private final PdfSigner signer;
    private final Path file;
    private final SecureRandom random;
    private final Clock clock;
    private volatile Identity identity;
    private volatile Long pendingSubscriber;

    ReportSigner(CertificateAuthority ca, PdfSigner signer, KysoProperties properties, SecureRandom random, Clock clock) {
        this.ca = ca;
        this.signer = signer;
        this.file = properties.dataDir().toAbsolutePath().normalize().resolve(FILE);
        this.random = random;
        this.clock = clock;
    }

    private record Identity(long subscriberId, BigInteger serial, char[] pin) {
    }

    /** Whether this CA subscriber is kyso's own report signer (not a user whose use is counted). */
    public boolean isSystemSubscriber(long subscriberId) {
        Long pending = pendingSubscriber;
        if (pending != null && pending == subscriberId) {
            return true;
        }
        Identity known = load();
        return known != null && known.subscriberId() == subscriberId;
    }

    /** Signs {@code pdf} (B-LT: kyso's timestamp and OCSP embedded) with the province's agency certificate. */
    public byte[] sign(byte[] pdf, String reason) {
        Identity id = identity();
        ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 65536);
        ca.withCustodyKey(ACTOR, id.serial(), id.pin().clone(), key -> signer.sign(
                SignRequest.builder(InMemorySigningKey.of(key.privateKey(), key.chain()), PadesLevel.B_LT)
                        .reason(reason).location("Cà Mau").build(), pdf, out));
        return out.toByteArray();
    }

    /** A detached CMS signature over a report snapshot, with the same certificate (docs/usage.md, "Snapshots"). */
    public byte[] signSnapshot(byte[] content) {
        Identity id = identity();
        return ca.withCustodyKey(ACTOR, id.serial(), id.pin().clone(),
                key -> SnapshotSigner.cms(key.privateKey(), key.chain()).sign(content));
    }

    private synchronized Identity identity() {
        Identity known = load();
        if (known != null && ca.certificate(known.serial()).map(CertificateRecord::status)
                .filter(s -> s == CertificateStatus.ACTIVE).isPresent()
                && ca.certificate(known.serial()).get().notAfter().isAfter(clock.instant().plusSeconds(86400))) {
            return known;
        }
        return issue(known);
    }

    private Identity issue(Identity previous) {
        LocalDate today = LocalDate.now(clock);
        Unit province = ca.units(today).stream().filter(u -> u.parentCode() == null)
                .min(Comparator.comparing(Unit::code)).orElseThrow(() -> new IllegalStateException("the CA has no units"));
        long subscriber = previous != null ? previous.subscriberId()
                : ca.registerAgency(ACTOR, new NewAgency(province.name(), province.name(), digits(10), null,
                        province.code())).id();
        pendingSubscriber = subscriber;
        char[] pin = new char[24];
        for (int i = 0; i < pin.length; i++) {
            pin[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        // the system is this key's only holder, so the system chooses its PIN
        CertificateRecord record = ca.issueWithCustody(ACTOR, new CustodyIssueRequest(subscriber, "agency", false));
        ca.choosePin(ACTOR, record.serial(), pin.clone());
        Identity fresh = new Identity(subscriber, record.serial(), pin);
        store(fresh);
        identity = fresh;
        return fresh;
    }

    private Identity load() {
        if (identity != null) {
            return identity;
        }
        if (!Files.exists(file)) {
            return null;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + FILE, e);
        }
        identity = new Identity(Long.parseLong(p.getProperty("subscriber")), new BigInteger(p.getProperty("serial"), 16),
                p.getProperty("pin").toCharArray());
        return identity;
    }

    private void store(Identity id) {
        Properties p = new Properties();
        p.setProperty("subscriber", Long.toString(id.subscriberId()));
        p.setProperty("serial", id.serial().toString(16));
        p.setProperty("pin", new String(id.pin()));
        try {
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
                Files.createFile(file);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                p.store(out, "kyso report signer: system custody certificate (keep private)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + FILE, e);
        }
    }

    private String digits(int n) {
        char[] d = new char[n];
        for (int i = 0; i < n; i++) {
            d[i] = (char) ('0' + random.nextInt(10));
        }
        return new String(d);
    }
}
