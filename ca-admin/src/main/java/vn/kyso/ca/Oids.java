package vn.kyso.ca;

import java.math.BigInteger;

/**
 * Object identifiers every validator parses: RFC 5280 Appendix B asks implementations to
 * handle arcs below 2^28 only, and Go before 1.22, zcrypto/zlint and Rust's const-oid refuse
 * larger ones, so a policy OID with a larger arc would make kyso's certificates unreadable there.
 */
public final class Oids {

    /** The largest arc every implementation must handle, plus one. */
    public static final BigInteger ARC_LIMIT = BigInteger.ONE.shiftLeft(28);

    private Oids() {
    }

    /** Whether {@code oid} is dotted decimal with at least two arcs, each below 2^28. */
    public static boolean hasSmallArcs(String oid) {
        if (oid == null || !oid.matches("[0-2](\\.(0|[1-9][0-9]*))+")) {
            return false;
        }
        for (String arc : oid.split("\\.")) {
            if (new BigInteger(arc).compareTo(ARC_LIMIT) >= 0) {
                return false;
            }
        }
        return true;
    }

    static void requireSmallArcs(String name, String oid) {
        if (!hasSmallArcs(oid)) {
            throw new IllegalArgumentException(name + " must be an object identifier whose arcs are all below 2^28 "
                    + "(RFC 5280 Appendix B): " + oid);
        }
    }
}
