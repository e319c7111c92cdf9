package vn.kyso.usage;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

import vn.kyso.signing.PadesLevel;

/**
 * The demo province as a value: which certificates to issue (to whom, in which unit, of which
 * kind) and which signatures each made. It names certificates by index, not serial, so the
 * service can issue real certificates through the CA and replay the same plan with their serials.
 *
 * @param seed         the seed it was generated from
 * @param periodFrom   first day of the reporting period the plan was made for
 * @param periodTo     last day of that period
 * @param certificates the certificates, index = position
 * @param signatures   the signatures, in time order
 */
public record DemoPlan(long seed, LocalDate periodFrom, LocalDate periodTo, List<PlannedCertificate> certificates,
        List<PlannedSignature> signatures) {

    public DemoPlan {
        Objects.requireNonNull(periodFrom, "periodFrom");
        Objects.requireNonNull(periodTo, "periodTo");
        certificates = List.copyOf(certificates);
        signatures = List.copyOf(signatures);
    }

    /**
     * One certificate to issue.
     *
     * @param index        its position in the plan
     * @param kind         agency or personal
     * @param unitCode     its unit
     * @param subject      subject DN (with UID=MST: or UID=CCCD:)
     * @param ownerName    the holder
     * @param ownerContact the holder's mail
     * @param notBefore    start of validity
     * @param notAfter     end of validity
     * @param intended     the class it is meant to fall in under the default policy
     */
    public record PlannedCertificate(int index, CertificateKind kind, String unitCode, String subject,
            String ownerName, String ownerContact, Instant notBefore, Instant notAfter, UsageClass intended) {
    }

    /**
     * One signature.
     *
     * @param certificate    index of the signing certificate
     * @param at             when
     * @param channel        web, API or CLI
     * @param level          the PAdES level
     * @param duration       how long signing took
     * @param documentSha256 the signed document's hash
     */
    public record PlannedSignature(int certificate, Instant at, Channel channel, PadesLevel level, Duration duration,
            String documentSha256) {
    }

    /** How many certificates are meant to fall in {@code c}. */
    public long count(UsageClass c) {
        return certificates.stream().filter(p -> p.intended() == c).count();
    }

    /** How many certificates are of {@code kind}. */
    public long count(CertificateKind kind) {
        return certificates.stream().filter(p -> p.kind() == kind).count();
    }

    /** The SIGNED events of the plan, for certificates named by {@code refs} (index → issuer and serial). */
    public List<UsageEvent> events(IntFunction<CertificateRef> refs) {
        List<UsageEvent> events = new ArrayList<>(signatures.size());
        for (PlannedSignature s : signatures) {
            events.add(UsageEvent.signed(refs.apply(s.certificate()), s.at(), s.documentSha256(), "Signature1",
                    s.channel(), s.level(), s.duration()));
        }
        return events;
    }
}
