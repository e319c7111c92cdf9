package vn.kyso.server.verification;

import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;


import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.CertificateStatus;
import vn.kyso.server.verification.VerificationView.SignatureView;
import vn.kyso.server.verification.VerificationView.TimestampView;
import vn.kyso.server.web.RequestTimeLimit;
import vn.kyso.signing.Indication;
import vn.kyso.signing.PdfVerifier;
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

    private final PdfVerifier verifier;
    private final CertificateAuthority ca;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final RequestTimeLimit timeLimit;

    DocumentVerification(PdfVerifier verifier, CertificateAuthority ca, ApplicationEventPublisher events, Clock clock,
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
        VerificationReport report = timeLimit.within(() -> verifier.verify(pdf));
        String sha256 = sha256(pdf);
        Instant now = clock.instant();
        for (SignatureReport s : report.signatures()) {
            events.publishEvent(new DocumentVerified(s.issuer(), s.certificateSerial(), sha256, s.field(),
                    s.indication(), now, channel, s.intact() ? s.signerCertificate() : null, s.signatureId()));
        }
        return new VerificationView(filename == null ? "document.pdf" : filename,
                report.signatures().stream().map(s -> signature(s, now)).toList(),
                report.timestamps().stream().map(DocumentVerification::timestamp).toList(),
                report.documentProblems(), report.allValid(), sha256,
                VerificationView.time(now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
    }

    private SignatureView signature(SignatureReport s, Instant now) {
        boolean kyso = issuedByKyso(s);
        return new SignatureView(s.field(), s.indication().name(), name(s.subIndication()),
                s.level() == null ? null : s.level().name().replace('_', '-'), s.signer(), s.signerSubject(),
                s.issuer(), s.certificateSerial(), VerificationView.time(s.signingTime()),
                VerificationView.time(s.timestampTime()), s.coversWholeDocument(), s.modifications().name(),
                s.problems(), colour(s.indication()), kyso, statusAtSigning(s), kyso ? statusNow(s, now) : "UNKNOWN");
    }

    private static TimestampView timestamp(TimestampReport t) {
        return new TimestampView(t.field(), t.indication().name(), name(t.subIndication()),
                VerificationView.time(t.time()), t.tsa(), t.coversWholeDocument(), t.modifications().name(),
                t.problems(), colour(t.indication()));
    }

    /**
     * Whether kyso's CA issued the certificate that verified the signature: that certificate is
     * the very one kyso's register holds under its serial (same encoding), and so was signed by
     * kyso's issuing key. The issuer's name proves nothing: a lookalike CA can copy it and the
     * serials of real certificates.
     */
    private boolean issuedByKyso(SignatureReport s) {
        X509Certificate signer = s.signerCertificate();
        if (signer == null || !s.intact()
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

    private String statusNow(SignatureReport s, Instant now) {
        if (s.signerCertificate() == null) {
            return "UNKNOWN";
        }
        return ca.certificate(s.signerCertificate().getSerialNumber()).map(r -> status(r, now)).orElse("UNKNOWN");
    }

    private static String status(CertificateRecord record, Instant now) {
        if (record.status() == CertificateStatus.ACTIVE && now.isAfter(record.notAfter())) {
            return "EXPIRED";
        }
        return record.status().name();
    }

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
