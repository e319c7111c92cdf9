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
        List<String> documentProblems, boolean allValid, String sha256, String verifiedAt, String overall,
        String verifiedAtText) implements Serializable {

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
     * @param colour             GREEN (valid, no change or only validation data or later signatures), AMBER
     *                           (valid with permitted changes such as form filling, or cannot be decided) or RED
     * @param issuedByKyso       whether kyso's CA issued the signer's certificate
     * @param statusAtSigning    GOOD, REVOKED or UNKNOWN: the certificate at the time of signing
     * @param statusNow          ACTIVE, SUSPENDED, REVOKED, EXPIRED (kyso's register), OTHER_CA or UNKNOWN
     * @param number             1-based, the N of the signed-version download
     * @param verdict            VALID, VALID_CHANGED (permitted changes after signing), INDETERMINATE or INVALID
     * @param role               APPROVAL, SEAL, APPENDIX, COPY or SIGNATURE (not known)
     * @param holder             the certificate holder's name (its CN)
     * @param unit               the holder's unit (OU and O)
     * @param issuerName         the issuing CA's name (its CN, else O)
     * @param integrity          the message key of the sentence on what happened since signing
     * @param changeClass        NONE, LTV_UPDATES, FORM_FILLING, ANNOTATIONS or OTHER
     * @param changesPermitted   whether every change after signing is permitted
     * @param changes            the changes after signing, most serious first
     * @param pageCheck          NOT_RUN, SAME, DIFFERENT or INCOMPLETE
     * @param pagesThatDiffer    pages of the file that look different from the signed version
     * @param trustAnchor        the label of the trust anchor the signer's path ends at ("issued
     *                           under"); null when it ends at none
     */
    public record SignatureView(String field, String indication, String subIndication, String level, String signer,
            String signerSubject, String issuer, String certificateSerial, String signingTime, String timestampTime,
            boolean coversWholeDocument, String modifications, List<String> problems,
            String colour, boolean issuedByKyso, String statusAtSigning, String statusNow, int number,
            String verdict, String role, String holder, String unit, String issuerName, String signingTimeText,
            String timestampTimeText, String integrity, String changeClass, boolean changesPermitted,
            List<ChangeView> changes, String pageCheck, List<Integer> pagesThatDiffer, String trustAnchor)
            implements Serializable {

        public SignatureView {
            problems = List.copyOf(problems);
            changes = List.copyOf(changes);
            pagesThatDiffer = List.copyOf(pagesThatDiffer);
        }

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
            boolean coversWholeDocument, String modifications, List<String> problems, String colour, String timeText,
            String tsaName, String trustAnchor) implements Serializable {
    }

    /**
     * One change after a signature (signing-core's {@code Change}), named by its kind so that each
     * page shows it in its reader's language.
     *
     * @param english the description in English as signing-core gives it (for programs and experts)
     */
    public record ChangeView(String kind, String changeClass, boolean permitted, Integer page, String subject,
            String english) implements Serializable {
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

    /** dd/mm/yyyy HH:mm in Vietnam's time, as people there write it. */
    static String displayTime(Instant instant) {
        return instant == null ? null : DISPLAY.format(instant.atZone(VIETNAM));
    }

    private static final DateTimeFormatter DISPLAY = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    static String time(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(VIETNAM)
                .toOffsetDateTime());
    }
}
