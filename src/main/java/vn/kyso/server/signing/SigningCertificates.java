package vn.kyso.server.signing;

import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Service;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CertificateKind;
import vn.kyso.ca.CertificateQuery;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.CertificateStatus;
import vn.kyso.server.security.KysoUser;
import vn.kyso.server.signing.SigningRefusedException.Reason;

/**
 * Which certificates an account may sign with, and the checks before one is used: it must be the
 * account's own (personal: the subscriber linked to the account; agency: the admin named the
 * account as a clerk of it) and valid now by the CA's register.
 */
@Service
public class SigningCertificates {

    private final CertificateAuthority ca;
    private final SigningStore store;
    private final Clock clock;

    SigningCertificates(CertificateAuthority ca, SigningStore store, Clock clock) {
        this.ca = ca;
        this.store = store;
        this.clock = clock;
    }

    /** The certificates {@code user} may sign with now, personal first. */
    public List<UsableCertificate> usableBy(KysoUser user) {
        List<CertificateRecord> candidates = new ArrayList<>(ownActive(user));
        for (String serial : store.certificatesClerkedBy(user.accountId())) {
            ca.certificate(new BigInteger(serial, 16)).ifPresent(candidates::add);
        }
        Instant now = clock.instant();
        java.util.Set<BigInteger> seen = new java.util.HashSet<>();
        return candidates.stream()
                .filter(r -> r.kind().isSubscriber() && r.custodyKey() && problemWith(r, now) == null)
                .filter(r -> seen.add(r.serial()))
                .sorted((a, b) -> a.kind().compareTo(b.kind()))
                .map(r -> new UsableCertificate(r.serialHex(), r.kind(), r.subject(),
                        DocumentSigning.commonName(r.certificate()), r.notAfter()))
                .toList();
    }

    /**
     * The certificate to sign with: the one named by {@code serialHex}, or, when none is named, the
     * only usable one of {@code kind} (null: any kind).
     */
    CertificateRecord choose(KysoUser user, String serialHex, CertificateKind kind) {
        if (serialHex == null || serialHex.isBlank()) {
            List<UsableCertificate> usable = usableBy(user).stream()
                    .filter(c -> kind == null || c.kind() == kind).toList();
            if (usable.isEmpty()) {
                throw new SigningRefusedException(Reason.NO_CERTIFICATE, "no usable certificate");
            }
            if (usable.size() > 1) {
                throw new SigningRefusedException(Reason.CERTIFICATE_CHOICE_REQUIRED, "several usable certificates");
            }
            serialHex = usable.get(0).serial();
        }
        CertificateRecord record = ca.certificate(parseSerial(serialHex))
                .filter(r -> r.kind().isSubscriber())
                .orElseThrow(() -> new SigningRefusedException(Reason.NOT_YOUR_CERTIFICATE, "unknown certificate"));
        if (!mayUse(user, record)) {
            throw new SigningRefusedException(record.kind() == CertificateKind.AGENCY ? Reason.NOT_A_CLERK
                    : Reason.NOT_YOUR_CERTIFICATE, "certificate " + record.serialHex() + " is not the caller's");
        }
        if (kind != null && record.kind() != kind) {
            throw new SigningRefusedException(Reason.WRONG_CERTIFICATE_KIND, "a " + kind + " certificate is needed");
        }
        requireValid(record);
        if (!record.custodyKey()) {
            throw new SigningRefusedException(Reason.NO_CUSTODY_KEY, "kyso does not hold this key");
        }
        return record;
    }

    /** Refuses a revoked, suspended, expired or not yet valid certificate. */
    void requireValid(CertificateRecord record) {
        Reason problem = problemWith(record, clock.instant());
        if (problem != null) {
            throw new SigningRefusedException(problem, "certificate " + record.serialHex() + ": " + problem);
        }
    }

    /** A certificate of kyso's register that {@code user} may use, if the serial is one. */
    Optional<CertificateRecord> ownedKysoCertificate(KysoUser user, BigInteger serial) {
        return ca.certificate(serial).filter(r -> r.kind().isSubscriber() && mayUse(user, r));
    }

    Optional<CertificateRecord> find(BigInteger serial) {
        return ca.certificate(serial);
    }

    /** The active certificates of the subscriber linked to the account, whoever holds their keys. */
    List<CertificateRecord> ownActive(KysoUser user) {
        return subscriberOf(user)
                .map(id -> ca.certificates(new CertificateQuery(id, CertificateStatus.ACTIVE, null, 1000, 0)))
                .orElse(List.of());
    }

    /**
     * Whether the certificate is the account's own: its subscriber is the one linked to the
     * account. A clerk may use an agency's certificate but does not own it.
     */
    boolean owns(KysoUser user, CertificateRecord record) {
        return record.subscriberId() != null && subscriberOf(user).map(record.subscriberId()::equals).orElse(false);
    }

    private boolean mayUse(KysoUser user, CertificateRecord record) {
        if (record.kind() == CertificateKind.AGENCY && store.isClerk(record.serialHex(), user.accountId())) {
            return true;
        }
        return owns(user, record);
    }

    private static Reason problemWith(CertificateRecord record, Instant now) {
        if (record.status() == CertificateStatus.REVOKED) {
            return Reason.CERTIFICATE_REVOKED;
        }
        if (record.status() == CertificateStatus.SUSPENDED) {
            return Reason.CERTIFICATE_SUSPENDED;
        }
        if (now.isBefore(record.notBefore()) || now.isAfter(record.notAfter())) {
            return Reason.CERTIFICATE_EXPIRED;
        }
        return null;
    }

    private static Optional<Long> subscriberOf(KysoUser user) {
        String id = user.subscriberId();
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(id.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    static BigInteger parseSerial(String hex) {
        String s = hex.strip().toLowerCase(Locale.ROOT).replace(":", "");
        if (s.startsWith("0x")) {
            s = s.substring(2);
        }
        try {
            return new BigInteger(s, 16);
        } catch (NumberFormatException e) {
            throw new SigningRefusedException(Reason.INVALID_FIELD, "the certificate serial is not hexadecimal",
                    "certificate");
        }
    }
}
