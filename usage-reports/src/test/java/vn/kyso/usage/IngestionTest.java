package vn.kyso.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.kyso.usage.Fixtures.vn;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.kyso.signing.testpki.TestPki;
import vn.kyso.signing.testpki.TestPki.KeyType;
import vn.kyso.usage.IngestResult.SkipReason;

/**
 * A folder mixing PDFs signed by kyso's CA and by an imported CA, a stranger's signature,
 * unsigned, corrupt and tampered PDFs, and a zip, yields exactly the expected events: proven
 * signatures counted at the time of ingestion (none carries a timestamp), the rest rejected.
 */
class IngestionTest {

    static TestPki kyso;
    static TestPki government;
    static TestPki stranger;
    static TestPki.Credential officer;
    static TestPki.Credential citizen;
    static TestPki.Credential outsider;

    @TempDir
    static Path pdfs;

    @BeforeAll
    static void pki() throws IOException {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        kyso = TestPki.create(now, null, KeyType.EC_P256, "kyso");
        government = TestPki.create(now, null, KeyType.EC_P256, "Government");
        stranger = TestPki.create(now, null, KeyType.EC_P256, "Stranger");
        officer = kyso.signer("Võ Thị Mai", KeyType.EC_P256);
        citizen = government.signer("Nguyễn Văn An,UID=CCCD:096000000123", KeyType.EC_P256);
        outsider = stranger.signer("Đỗ Quang Sơn,UID=HC:C7654321", KeyType.EC_P256);
    }

    /** Lays out the mixed folder; returns it. */
    static Path folder(Path root) throws IOException {
        Path in = Files.createDirectories(root.resolve("inbox"));
        TestPdfs.sign(TestPdfs.plain(pdfs.resolve("a.pdf")), in.resolve("kyso-signed.pdf"), officer,
                vn("2025-03-10T09:00"));
        Path once = TestPdfs.sign(TestPdfs.plain(pdfs.resolve("b.pdf")), pdfs.resolve("b1.pdf"), citizen,
                vn("2025-04-11T09:00"));
        TestPdfs.sign(once, in.resolve("gov-and-kyso.pdf"), officer, vn("2025-04-12T15:00"));
        TestPdfs.sign(TestPdfs.plain(pdfs.resolve("c.pdf")), in.resolve("stranger.pdf"), outsider,
                vn("2025-06-01T10:00"));
        TestPdfs.plain(in.resolve("unsigned.pdf"));
        Files.writeString(in.resolve("corrupt.pdf"), "this is not a PDF at all", StandardCharsets.US_ASCII);
        Path good = TestPdfs.sign(TestPdfs.plain(pdfs.resolve("d.pdf")), pdfs.resolve("d1.pdf"), officer,
                vn("2025-07-01T09:00"));
        byte[] tampered = Files.readAllBytes(good);
        String text = new String(tampered, StandardCharsets.ISO_8859_1);
        tampered[text.indexOf("Hello kyso")] = 'J';
        Files.write(in.resolve("tampered.pdf"), tampered);
        Path zipOnly = TestPdfs.sign(TestPdfs.plain(pdfs.resolve("e.pdf")), pdfs.resolve("e1.pdf"), officer,
                vn("2025-05-01T09:00"));
        try (OutputStream os = Files.newOutputStream(in.resolve("batch.zip")); ZipOutputStream zip = new ZipOutputStream(os)) {
            zip.putNextEntry(new ZipEntry("copy-of-kyso-signed.pdf"));
            zip.write(Files.readAllBytes(in.resolve("kyso-signed.pdf")));
            zip.putNextEntry(new ZipEntry("sub/zip-only.pdf"));
            zip.write(Files.readAllBytes(zipOnly));
            zip.putNextEntry(new ZipEntry("readme.txt"));
            zip.write("ignored".getBytes(StandardCharsets.US_ASCII));
        }
        return in;
    }

    static UsageReports withInventory(TestDatabase.Open db) throws Exception {
        UsageReports usage = Fixtures.usage(db);
        usage.onCertificate(CertificateNotice.issued(officer.certificate(), vn("2024-12-01T09:00"),
                CertificateKind.PERSONAL, "AG-STP", "Võ Thị Mai", "mai@stp.camau.gov.vn"));
        usage.importCertificates(citizen.certificate().getEncoded(), "964");
        return usage;
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void mixedFolderYieldsExactlyTheExpectedEvents(TestDatabase database, @TempDir Path root) throws Exception {
        Path inbox = folder(root);
        try (TestDatabase.Open db = database.open()) {
            UsageReports usage = withInventory(db);
            List<String> progress = new ArrayList<>();
            List<String> skippedAsTheyHappen = new ArrayList<>();

            IngestResult result = usage.ingestFolder(inbox, new IngestListener() {
                @Override
                public void progress(int done, int total, String file) {
                    progress.add(done + "/" + total);
                }

                @Override
                public void skipped(IngestResult.SkippedFile file) {
                    skippedAsTheyHappen.add(file.file());
                }
            });

            assertThat(result.files()).isEqualTo(8);
            assertThat(progress).hasSize(9).startsWith("0/8").endsWith("8/8");
            assertThat(skippedAsTheyHappen).containsExactlyInAnyOrder("corrupt.pdf", "unsigned.pdf");
            assertThat(result.signaturesFound()).isEqualTo(7);
            assertThat(result.recorded()).isEqualTo(4);
            assertThat(result.duplicates()).isEqualTo(1);
            assertThat(result.skipped()).extracting(IngestResult.SkippedFile::file, IngestResult.SkippedFile::reason)
                    .containsExactlyInAnyOrder(tuple("corrupt.pdf", SkipReason.NOT_A_PDF),
                            tuple("unsigned.pdf", SkipReason.UNSIGNED));
            assertThat(result.rejected()).extracting(IngestResult.RejectedSignature::file,
                    IngestResult.RejectedSignature::code).containsExactlyInAnyOrder(
                            tuple("tampered.pdf", RejectionReason.NOT_INTACT),
                            tuple("stranger.pdf", RejectionReason.NOT_IN_INVENTORY));
            assertThat(result.rejected()).filteredOn(r -> r.file().equals("tampered.pdf")).singleElement()
                    .satisfies(r -> assertThat(r.reason()).contains("digest"));

            // the claimed 2025 dates prove nothing: each signature counts on the day it was ingested
            assertThat(usage.report(ReportRequest.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)))
                    .summary().signatures()).isZero();
            UsageReport report = usage.report(ReportRequest.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 15)),
                    Language.EN);
            UsageReport.CertificateUsage mai = PolicyOnDatabaseTest.row(report, CertificateRef.of(officer.certificate()));
            assertThat(mai.signatures()).isEqualTo(3);
            assertThat(mai.lastUse()).isEqualTo(LocalDate.of(2026, 1, 15));
            UsageReport.CertificateUsage an = PolicyOnDatabaseTest.row(report, CertificateRef.of(citizen.certificate()));
            assertThat(an.signatures()).isEqualTo(1);
            // a stranger's signature adds nobody to the inventory
            assertThat(usage.certificate(CertificateRef.of(outsider.certificate()))).isEmpty();
            assertThat(report.summary().certificates()).isEqualTo(2);

            IngestResult again = usage.ingestFolder(inbox, null);

            assertThat(again.recorded()).isZero();
            assertThat(again.duplicates()).isEqualTo(5);
            assertThat(usage.report(report.request()).summary().signatures()).isEqualTo(4);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void watchedFolderIngestsStableFilesAndSortsThemOut(TestDatabase database, @TempDir Path root) throws Exception {
        Path inbox = folder(root);
        try (TestDatabase.Open db = database.open(); FolderWatch watch = withInventory(db).watchFolder(inbox, null, null)) {
            IngestResult first = watch.poll();
            IngestResult second = watch.poll();

            assertThat(first.files()).isZero();
            assertThat(second.recorded()).isEqualTo(4);
            assertThat(inbox.resolve("ingested/kyso-signed.pdf")).exists();
            assertThat(inbox.resolve("ingested/batch.zip")).exists();
            assertThat(inbox.resolve("skipped/corrupt.pdf")).exists();
            assertThat(inbox.resolve("skipped/unsigned.pdf")).exists();
            assertThat(inbox.resolve("kyso-signed.pdf")).doesNotExist();
            assertThat(watch.poll().files()).isZero();
        }
    }
}
