package vn.kyso.usage.inventory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

import vn.kyso.usage.CertificateKind;
import vn.kyso.usage.CertificateRef;
import vn.kyso.usage.ImportResult;
import vn.kyso.usage.ImportResult.Format;
import vn.kyso.usage.InventoryEntry.KindSource;
import vn.kyso.usage.InventoryEntry.Origin;
import vn.kyso.usage.UsageException;
import vn.kyso.usage.UsageException.ErrorCode;

/**
 * Imports certificates issued by other CAs (the government CA, public CAs) from PEM, DER,
 * PKCS#7 bundles, or a CSV with the columns serial, subject, issuer, kind, unit (owner and
 * contact optional). The kind is inferred from the subject when the file does not say.
 */
public final class CertificateImport {

    private final CertificateInventory inventory;

    public CertificateImport(CertificateInventory inventory) {
        this.inventory = inventory;
    }

    /** Imports {@code content}; certificates without a unit of their own go to {@code unitCode} (may be null). */
    public ImportResult importFile(byte[] content, String unitCode) {
        Format format = detect(content);
        if (format == Format.CSV) {
            return importCsv(new String(content, StandardCharsets.UTF_8), unitCode);
        }
        Collection<? extends Certificate> certificates;
        try {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(content));
        } catch (CertificateException e) {
            throw new UsageException(ErrorCode.UNREADABLE_IMPORT, "not a readable " + format + " certificate file", e);
        }
        if (certificates.isEmpty()) {
            throw new UsageException(ErrorCode.UNREADABLE_IMPORT, "the " + format + " file holds no certificate");
        }
        Tally tally = new Tally();
        for (Certificate c : certificates) {
            X509Certificate x = (X509Certificate) c;
            if (x.getBasicConstraints() >= 0) {
                continue; // CA certificates in a bundle are chain, not holders
            }
            X500Name subject = X500Name.getInstance(BCStyle.INSTANCE, x.getSubjectX500Principal().getEncoded());
            CertificateRef ref = CertificateRef.of(x);
            tally.count(ref, inventory.upsert(new CertificateInventory.Described(ref, subject.toString(),
                    CertificateKind.inferFromSubject(subject), KindSource.INFERRED, unitCode,
                    attribute(subject, BCStyle.CN), attribute(subject, BCStyle.EmailAddress),
                    x.getNotBefore().toInstant(), x.getNotAfter().toInstant(), x), Origin.IMPORT));
        }
        return tally.result(format);
    }

    static Format detect(byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 256), StandardCharsets.ISO_8859_1).trim();
        if (head.startsWith("-----BEGIN PKCS7") || head.startsWith("-----BEGIN CMS")) {
            return Format.PKCS7;
        }
        if (head.startsWith("-----BEGIN")) {
            return Format.PEM;
        }
        if (content.length > 0 && content[0] == 0x30) {
            // a DER SEQUENCE: a certificate, or a PKCS#7 ContentInfo whose first element is an OID
            int offset = (content[1] & 0x80) == 0 ? 2 : 2 + (content[1] & 0x7f);
            return offset < content.length && content[offset] == 0x06 ? Format.PKCS7 : Format.DER;
        }
        if (head.toLowerCase(Locale.ROOT).contains("serial")) {
            return Format.CSV;
        }
        throw new UsageException(ErrorCode.UNREADABLE_IMPORT,
                "neither PEM, DER, PKCS#7 nor a CSV with a header naming a serial column");
    }

    private ImportResult importCsv(String text, String defaultUnit) {
        Tally tally = new Tally();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setIgnoreHeaderCase(true).get();
        try (CSVParser parser = format.parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text))) {
            Map<String, Integer> header = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            header.putAll(parser.getHeaderMap());
            for (String required : List.of("serial", "subject", "issuer")) {
                if (!header.containsKey(required)) {
                    throw new UsageException(ErrorCode.UNREADABLE_IMPORT, "the CSV has no '" + required + "' column");
                }
            }
            for (CSVRecord row : parser) {
                try {
                    CertificateRef ref = new CertificateRef(row.get("issuer"), row.get("serial"));
                    String subject = row.get("subject");
                    String kindText = value(row, "kind");
                    CertificateKind kind = kindText.isEmpty() ? CertificateKind.inferFromSubject(subject)
                            : CertificateKind.parse(kindText);
                    String unit = value(row, "unit");
                    String owner = value(row, "owner");
                    String contact = value(row, "contact");
                    tally.count(ref, inventory.upsert(new CertificateInventory.Described(ref, subject, kind,
                            kindText.isEmpty() ? KindSource.INFERRED : KindSource.IMPORT_FILE,
                            unit.isEmpty() ? defaultUnit : unit, owner.isEmpty() ? CertificateInventory.commonName(subject)
                                    : owner, contact.isEmpty() ? null : contact, date(row, "not_before"),
                            date(row, "not_after"), null), Origin.IMPORT));
                } catch (UsageException | IllegalArgumentException e) {
                    tally.problems.add("line " + row.getRecordNumber() + ": " + e.getMessage());
                }
            }
        } catch (IOException | IllegalStateException e) {
            throw new UsageException(ErrorCode.UNREADABLE_IMPORT, "the CSV cannot be read: " + e.getMessage(), e);
        }
        return tally.result(Format.CSV);
    }

    /**
     * A validity bound from an optional column (ISO date or instant). A row without both bounds
     * stays out of every period's denominator: nobody said when it was valid.
     */
    private static java.time.Instant date(CSVRecord row, String column) {
        String v = value(row, column);
        if (v.isEmpty()) {
            return null;
        }
        try {
            return v.length() == 10 ? java.time.LocalDate.parse(v).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                    : java.time.Instant.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(column + " is not a date (YYYY-MM-DD): " + v);
        }
    }

    private static String value(CSVRecord row, String column) {
        return row.isMapped(column) && row.isSet(column) ? row.get(column).trim() : "";
    }

    private static String attribute(X500Name name, org.bouncycastle.asn1.ASN1ObjectIdentifier type) {
        RDN[] rdns = name.getRDNs(type);
        if (rdns.length == 0) {
            return null;
        }
        return rdns[0].getFirst().getValue() instanceof ASN1String s ? s.getString() : null;
    }

    private static final class Tally {
        int added;
        int updated;
        final List<CertificateRef> refs = new ArrayList<>();
        final List<String> problems = new ArrayList<>();

        void count(CertificateRef ref, boolean isNew) {
            if (ref == null) {
                return;
            }
            refs.add(ref);
            if (isNew) {
                added++;
            } else {
                updated++;
            }
        }

        ImportResult result(Format format) {
            return new ImportResult(format, added, updated, refs, problems);
        }
    }
}
