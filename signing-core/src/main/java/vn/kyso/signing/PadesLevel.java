package vn.kyso.signing;

import java.util.Locale;

/** PAdES baseline levels (ETSI EN 319 142-1). */
public enum PadesLevel {
    /** Basic signature: CMS with the PAdES signed attributes. */
    B_B("B"),
    /** B-B plus an RFC 3161 signature timestamp. */
    B_T("T"),
    /** B-T plus validation data (certificates, OCSP responses, CRLs) in the /DSS dictionary. */
    B_LT("LT"),
    /** B-LT plus a document timestamp over the whole file. */
    B_LTA("LTA");

    private final String shortName;

    PadesLevel(String shortName) {
        this.shortName = shortName;
    }

    /** The short name used on the command line and in the API: B, T, LT or LTA. */
    public String shortName() {
        return shortName;
    }

    /** Parses B, T, LT, LTA (also B-B, B-T, B-LT, B-LTA, any case). */
    public static PadesLevel parse(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT).replace('_', '-');
        if (t.startsWith("B-") && t.length() > 2) {
            t = t.substring(2);
        }
        for (PadesLevel level : values()) {
            if (level.shortName.equals(t)) {
                return level;
            }
        }
        throw new IllegalArgumentException("Unknown PAdES level '" + text + "' (expected B, T, LT or LTA)");
    }

    public boolean atLeast(PadesLevel other) {
        return ordinal() >= other.ordinal();
    }
}
