package vn.kyso.signing.verify;

import java.security.cert.X509Certificate;

import javax.security.auth.x500.X500Principal;

import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;

/** How certificates are named in reports: the common name, or the whole DN when there is none. */
final class Names {

    private Names() {
    }

    static String subject(X509Certificate c) {
        return commonName(c.getSubjectX500Principal());
    }

    static String commonName(X500Principal principal) {
        try {
            RDN[] cn = X500Name.getInstance(principal.getEncoded()).getRDNs(BCStyle.CN);
            if (cn.length > 0) {
                // the plain string, not the RFC 4514 escaped form (a name may contain commas)
                var value = cn[0].getFirst().getValue();
                return value instanceof ASN1String text ? text.getString() : IETFUtils.valueToString(value);
            }
        } catch (RuntimeException e) {
            // fall back to the full name
        }
        return dn(principal);
    }

    static String dn(X500Principal principal) {
        return principal.getName(X500Principal.RFC2253);
    }

    /** A trust anchor's identity in reports: the SHA-256 of its encoding, lower-case hex; null for null. */
    static String sha256(X509Certificate c) {
        if (c == null) {
            return null;
        }
        try {
            return java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (java.security.GeneralSecurityException e) {
            return null;
        }
    }
}
