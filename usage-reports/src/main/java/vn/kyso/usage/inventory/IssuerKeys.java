package vn.kyso.usage.inventory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.util.encoders.Hex;

import vn.kyso.usage.UsageException;
import vn.kyso.usage.UsageException.ErrorCode;

/**
 * Turns an issuer DN into a matching key. The same issuer reaches us spelt differently (RFC 4514
 * from the verifier, reversed X.500 order from a CSV, PrintableString or UTF8String encodings,
 * changed case or spacing), so the key is a hash of its attributes, each normalized, sorted.
 */
public final class IssuerKeys {

    /** Issuers are few and come back with every event: parse each spelling once. */
    private static final int CACHE_LIMIT = 10_000;
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private IssuerKeys() {
    }

    public static String of(String dn) {
        String cached = CACHE.get(dn);
        if (cached != null) {
            return cached;
        }
        String key = parse(dn);
        if (CACHE.size() < CACHE_LIMIT) {
            CACHE.put(dn, key);
        }
        return key;
    }

    private static String parse(String dn) {
        X500Name name;
        try {
            name = new X500Name(BCStyle.INSTANCE, dn);
        } catch (RuntimeException e) {
            throw new UsageException(ErrorCode.INVALID_REQUEST, "not a distinguished name: " + dn, e);
        }
        return of(name);
    }

    public static String of(X500Name name) {
        List<String> parts = new ArrayList<>();
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                String value = atv.getValue() instanceof ASN1String s ? s.getString()
                        : Hex.toHexString(encoded(atv));
                parts.add(atv.getType().getId() + "=" + value.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
            }
        }
        parts.sort(null);
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] encoded(AttributeTypeAndValue atv) {
        try {
            return atv.getValue().toASN1Primitive().getEncoded();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
