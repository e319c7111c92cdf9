package vn.kyso.usage;

import java.math.BigInteger;
import java.security.cert.X509Certificate;
import java.util.Locale;
import java.util.Objects;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Names one certificate the way a signature does: its issuer's DN and its serial number.
 * The serial is normalized to lower-case hex without leading zeros, so "00AB" and "ab" match;
 * issuer DNs are matched by content, not spelling (order of RDNs, case and spacing do not matter).
 *
 * @param issuer the issuer DN (RFC 4514 or X.500 string form)
 * @param serial the serial number in hex
 */
public record CertificateRef(String issuer, String serial) {

    public CertificateRef {
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(serial, "serial");
        if (issuer.isBlank()) {
            throw new IllegalArgumentException("issuer is blank");
        }
        serial = normalizeSerial(serial);
    }

    /** The reference of {@code certificate}. */
    public static CertificateRef of(X509Certificate certificate) {
        X500Name issuer = X500Name.getInstance(BCStyle.INSTANCE, certificate.getIssuerX500Principal().getEncoded());
        return new CertificateRef(issuer.toString(), certificate.getSerialNumber().toString(16));
    }

    /** Lower-case hex without leading zeros; accepts an optional "0x" prefix, spaces and colons. */
    public static String normalizeSerial(String serial) {
        String s = serial.trim().replace(":", "").replace(" ", "").toLowerCase(Locale.ROOT);
        if (s.startsWith("0x")) {
            s = s.substring(2);
        }
        if (s.isEmpty()) {
            throw new IllegalArgumentException("serial is empty");
        }
        try {
            return new BigInteger(s, 16).toString(16);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("serial is not hexadecimal: " + serial);
        }
    }
}
