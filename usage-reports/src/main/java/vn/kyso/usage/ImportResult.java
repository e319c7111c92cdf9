package vn.kyso.usage;

import java.util.List;

/**
 * What an import did.
 *
 * @param format       what the file was recognised as
 * @param added        certificates new to the inventory
 * @param updated      certificates already known, refreshed
 * @param certificates every certificate the file named, in file order
 * @param problems     rows or entries that could not be imported, with why (English)
 */
public record ImportResult(Format format, int added, int updated, List<CertificateRef> certificates,
        List<String> problems) {

    /** Recognised import formats. */
    public enum Format {
        PEM, DER, PKCS7, CSV
    }

    public ImportResult {
        certificates = List.copyOf(certificates);
        problems = List.copyOf(problems);
    }
}
