package vn.kyso.server.ca;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Locale;

import vn.kyso.ca.CaException;
import vn.kyso.ca.CertificateKind;
import vn.kyso.ca.CertificateRecord;
import vn.kyso.ca.CertificateStatus;
import vn.kyso.ca.RevocationReason;

/**
 * A certificate as the API and console show it: the serial as hex (a JSON number would lose
 * digits), no DER (that has its own URLs).
 */
record CertificateView(String serial, CertificateKind kind, Long subscriberId, String subject, Instant notBefore,
        Instant notAfter, CertificateStatus status, RevocationReason revocationReason, Instant revokedAt,
        boolean custodyKey) {

    static CertificateView of(CertificateRecord r) {
        return new CertificateView(r.serialHex(), r.kind(), r.subscriberId(), r.subject(), r.notBefore(), r.notAfter(),
                r.status(), r.reason(), r.revokedAt(), r.custodyKey());
    }

    /** A serial number as clients write it: hex, optionally with 0x or colons. */
    static BigInteger serial(String hex) {
        String digits = hex == null ? "" : hex.strip().toLowerCase(Locale.ROOT).replace(":", "");
        if (digits.startsWith("0x")) {
            digits = digits.substring(2);
        }
        if (digits.isEmpty() || digits.length() > 40 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new CaException(CaException.ErrorCode.UNKNOWN_CERTIFICATE, "not a serial number: " + hex);
        }
        return new BigInteger(digits, 16);
    }

    /**
     * A revocation reason as RFC 5280 names it ({@code keyCompromise}), as the enum does
     * ({@code KEY_COMPROMISE}), or as its code ({@code 1}).
     */
    static RevocationReason reason(String text) {
        if (text == null || text.isBlank()) {
            return RevocationReason.UNSPECIFIED;
        }
        String value = text.strip();
        if (value.chars().allMatch(Character::isDigit) && value.length() < 4) {
            return RevocationReason.ofCode(Integer.parseInt(value));
        }
        String wanted = value.replace("_", "").toLowerCase(Locale.ROOT);
        for (RevocationReason reason : RevocationReason.values()) {
            if (reason.name().replace("_", "").toLowerCase(Locale.ROOT).equals(wanted)) {
                return reason;
            }
        }
        throw new CaException(CaException.ErrorCode.INVALID_REVOCATION_REASON, "unknown revocation reason: " + text);
    }
}
