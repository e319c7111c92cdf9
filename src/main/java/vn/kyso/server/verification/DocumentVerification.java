package vn.kyso.server.verification;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;



import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.CertificateStatus;
import vn.kyso.server.verification.VerificationView.SignatureView;
import vn.kyso.server.verification.VerificationView.TimestampView;
import vn.kyso.server.web.RequestTimeLimit;
import vn.kyso.signing.Indication;
import vn.kyso.signing.SignatureReport;
import vn.kyso.signing.SubIndication;
import vn.kyso.signing.TimestampReport;
import vn.kyso.signing.VerificationReport;

/**
 * Verifies an uploaded PDF and adds what the portal shows beyond signing-core's report: a colour
 * per signature and the certificate's status now in kyso's register. The file is not kept.
 */
@Service
public class DocumentVerification {

    private final TrustedVerifier verifier;
    private final CertificateAuthority ca;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RequestTimeLimit timeLimit;

    DocumentVerification(TrustedVerifier verifier, CertificateAuthority ca, ApplicationEventPublisher events, Clock clock,
            RequestTimeLimit timeLimit) {
        this.verifier = verifier;
        this.ca = ca;
        this.events = events;
        this.clock = clock;
        this.timeLimit = timeLimit;
    }

    /**
     * The report on {@code pdf}; publishes one {@link DocumentVerified} per signature. A
     * verification longer than {@code kyso.limits.request-timeout} ends in
     * {@link RequestTimeLimit.Exceeded}, publishing nothing.
     */
    public VerificationView verify(String filename, byte[] pdf, String channel) {
        TrustedVerifier.Snapshot trusted = verifier.current();
        VerificationReport report = timeLimit.within(() -> trusted.verifier().verify(pdf));
        String sha256 = sha256(pdf);
        Instant now = clock.instant();
        for (SignatureReport s : report.signatures()) {
            events.publishEvent(new DocumentVerified(s.issuer(), s.certificateSerial(), sha256, s.field(),
                    s.indication(), now, channel, s.intact() ? s.signerCertificate() : null, s.signatureId()));
        }
        List<SignatureView> signatures = new java.util.ArrayList<>();
        for (SignatureReport s : report.signatures()) {
            signatures.add(signature(signatures.size() + 1, s, now, trusted.labels()));
        }
        String overall = SignatureDescription.overall(signatures.stream().map(SignatureView::verdict).toList(),
                report.timestamps().stream().allMatch(t -> t.indication() == Indication.VALID),
                !report.documentProblems().isEmpty());
        Instant checked = now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        return new VerificationView(filename == null ? "document.pdf" : filename, signatures,
                report.timestamps().stream().map(t -> timestamp(t, trusted.labels())).toList(),
                report.documentProblems(), report.allValid(), sha256, VerificationView.time(checked), overall,
                VerificationView.displayTime(checked));
    }

    /**
     * The exact bytes signature {@code number} (1-based, as the report numbers them) signed.
     * Throws {@code SigningException} (INVALID_REQUEST) when there is no such signature.
     */
    public byte[] signedVersion(byte[] pdf, int number) {
        return timeLimit.within(() -> verifier.current().verifier().signedVersion(pdf, number));
    }

    private SignatureView signature(int number, SignatureReport s, Instant now, Map<String, String> anchors) {
        boolean kyso = issuedByKyso(s);
        java.util.Optional<CertificateRecord> record = kyso ? ca.certificate(s.signerCertificate().getSerialNumber())
                : java.util.Optional.empty();
        String verdict = SignatureDescription.verdict(s.indication(), s.changes());
        return new SignatureView(s.field(), s.indication().name(), name(s.subIndication()),
                s.level() == null ? null : s.level().name().replace('_', '-'), s.signer(), s.signerSubject(),
                s.issuer(), s.certificateSerial(), VerificationView.time(s.signingTime()),
                VerificationView.time(s.timestampTime()), s.coversWholeDocument(), s.modifications().name(),
                s.problems(), SignatureDescription.colour(verdict), kyso, statusAtSigning(s),
                kyso ? record.map(r -> status(r, now)).orElse("UNKNOWN") : otherOrUnknown(s),
                number, verdict, SignatureDescription.role(s, record.map(CertificateRecord::kind).orElse(null)),
                SignatureDescription.attribute(s.signerSubject(), "CN") != null
                        ? SignatureDescription.attribute(s.signerSubject(), "CN") : s.signer(),
                SignatureDescription.attribute(s.signerSubject(), "OU", "O"), SignatureDescription.name(s.issuer()),
                VerificationView.displayTime(s.signingTime()), VerificationView.displayTime(s.timestampTime()),
                SignatureDescription.integrity(s), s.changes().changeClass().name(), s.changes().permitted(),
                SignatureDescription.changes(s.changes()), s.changes().pageCheck().name(), s.changes().pagesThatDiffer(),
                label(s.anchorSha256(), anchors));
    }

    private static TimestampView timestamp(TimestampReport t, Map<String, String> anchors) {
        return new TimestampView(t.field(), t.indication().name(), name(t.subIndication()),
                VerificationView.time(t.time()), t.tsa(), t.coversWholeDocument(), t.modifications().name(),
                t.problems(), colour(t.indication()), VerificationView.displayTime(t.time()),
                SignatureDescription.name(t.tsa()), label(t.anchorSha256(), anchors));
    }

    /** The label of the anchor a path ends at (an anchor retired meanwhile is named by its SHA-256). */
    private static String label(String sha256, Map<String, String> anchors) {
        return sha256 == null ? null : anchors.getOrDefault(sha256, sha256);
    }

    /**
     * Whether kyso's CA issued the signer's certificate: that certificate is the very one kyso's
     * register holds under its serial (same encoding), and so was signed by kyso's issuing key.
     * The issuer's name proves nothing: a lookalike CA can copy it and the serials of real
     * certificates. This is a fact about the certificate, so it holds for a tampered document
     * too (whose signature stays INVALID); usage counting asks more ({@link SignatureReport#intact()}).
     */
    private boolean issuedByKyso(SignatureReport s) {
        X509Certificate signer = s.signerCertificate();
        if (signer == null
                || !signer.getIssuerX500Principal().equals(ca.issuingCertificate().getSubjectX500Principal())) {
            return false;
        }
        try {
            signer.verify(ca.issuingCertificate().getPublicKey());
        } catch (GeneralSecurityException notKysos) {
            return false;
        }
        return ca.certificate(signer.getSerialNumber()).map(r -> r.certificate().equals(signer)).orElse(false);
    }

    /**
     * Not proven to be kyso's: another CA's when its issuer is not kyso's issuing CA by name;
     * UNKNOWN when nothing names an issuer, or when the name is kyso's but the signature did not
     * verify (a tampered document signed by kyso's own certificate is no stranger's).
     */
    private String otherOrUnknown(SignatureReport s) {
        if (s.issuer() == null) {
            return "UNKNOWN";
        }
        String kysoIssuer = ca.issuingCertificate().getSubjectX500Principal().getName(javax.security.auth.x500.X500Principal.RFC2253);
        return s.issuer().equals(kysoIssuer) ? "UNKNOWN" : "OTHER_CA";
    }

    private static String status(CertificateRecord record, Instant now) {
        if (record.status() == CertificateStatus.ACTIVE && now.isAfter(record.notAfter())) {
            return "EXPIRED";
        }
        return record.status().name();
    }

    /** GOOD when the signature is valid, REVOKED when that made it fail, else UNKNOWN (not decided, whoever issued it). */
    private static String statusAtSigning(SignatureReport s) {
        if (s.indication() == Indication.VALID) {
            return "GOOD";
        }
        return s.subIndication() == SubIndication.REVOKED ? "REVOKED" : "UNKNOWN";
    }

    static String colour(Indication indication) {
        return switch (indication) {
            case VALID -> "GREEN";
            case INDETERMINATE -> "AMBER";
            case INVALID -> "RED";
        };
    }

    private static String name(SubIndication subIndication) {
        return subIndication == null ? null : subIndication.name();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
