package vn.kyso.server.verification;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import javax.security.auth.x500.X500Principal;

/**
 * A verification report as the API returns it (JSON) and the portal shows it. The fields of the
 * CLI's {@code --format json} come first with the same names and forms (times ISO 8601 at +07:00,
 * levels B-B...B-LTA, absent values null); the portal's extras follow: the SHA-256 (hex) of the
 * checked file and when kyso checked it.
 */
public record VerificationView(String file, List<SignatureView> signatures, List<TimestampView> timestamps,
        List<String> documentProblems, boolean allValid, String sha256, String verifiedAt) implements Serializable {

    /** Vietnam's time zone, in which every time is shown. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    public VerificationView {
        signatures = List.copyOf(signatures);
        timestamps = List.copyOf(timestamps);
        documentProblems = List.copyOf(documentProblems);
    }

    /**
     * One signature.
     *
     * @param colour             GREEN (valid), AMBER (cannot be decided) or RED (invalid)
     * @param issuedByKyso       whether kyso's CA issued the signer's certificate
     * @param statusAtSigning    GOOD, REVOKED or UNKNOWN: the certificate at the time of signing
     * @param statusNow          ACTIVE, SUSPENDED, REVOKED, EXPIRED (kyso's register) or UNKNOWN
     * @param trustAnchor        the label of the trust anchor the signer's path ends at ("issued
     *                           under"); null when it ends at none
     */
    public record SignatureView(String field, String indication, String subIndication, String level, String signer,
            String signerSubject, String issuer, String certificateSerial, String signingTime, String timestampTime,
            boolean coversWholeDocument, String modifications, List<String> problems,
            String colour, boolean issuedByKyso, String statusAtSigning, String statusNow, String trustAnchor)
            implements Serializable {

        /** The signer's subject for people: e-mail by its name rather than as an OID and hex. */
        public String displaySubject() {
            return readable(signerSubject);
        }

        /** The issuer (CA) for people, likewise. */
        public String displayIssuer() {
            return readable(issuer);
        }
    }

    /** One document timestamp; {@code trustAnchor} is the label of the anchor the TSA's path ends at. */
    public record TimestampView(String field, String indication, String subIndication, String time, String tsa,
            boolean coversWholeDocument, String modifications, List<String> problems, String colour,
            String trustAnchor) implements Serializable {
    }

    private static final Map<String, String> KEYWORDS = Map.of("1.2.840.113549.1.9.1", "EMAILADDRESS");

    /**
     * A distinguished name in RFC 2253 order with the e-mail attribute named and a space after each
     * separating comma (so that it wraps); as given if unreadable.
     */
    static String readable(String dn) {
        if (dn == null) {
            return null;
        }
        try {
            return new X500Principal(dn).getName(X500Principal.RFC2253, KEYWORDS).replaceAll("(?<!\\\\),", ", ");
        } catch (IllegalArgumentException unreadable) {
            return dn;
        }
    }

    static String time(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(VIETNAM)
                .toOffsetDateTime());
    }
}
