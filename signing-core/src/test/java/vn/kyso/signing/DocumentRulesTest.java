package vn.kyso.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.kyso.signing.PadesAssertions.assertPdfsigValid;
import static vn.kyso.signing.PadesAssertions.assertPrefix;
import static vn.kyso.signing.PadesAssertions.assertQpdfClean;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import vn.kyso.signing.SigningException.ErrorCode;
import vn.kyso.signing.key.InMemorySigningKey;
import vn.kyso.signing.testpki.Pdfsig;
import vn.kyso.signing.testpki.TestPki;
import vn.kyso.signing.testpki.TestPkiServer;

/** Certification, sequential signatures, extension, and inputs that cannot be signed. */
class DocumentRulesTest extends LoopbackPkiTest {

    static SigningKey first;
    static SigningKey second;

    @BeforeAll
    static void makeKeys() {
        TestPki.Credential a = server.pki().signer("Giám đốc", TestPki.KeyType.RSA_2048);
        TestPki.Credential b = server.pki().signer("Văn thư", TestPki.KeyType.EC_P256);
        first = InMemorySigningKey.of(a.privateKey(), a.chain());
        second = InMemorySigningKey.of(b.privateKey(), b.chain());
    }

    @Test
    void certifiedDocumentWithFormFillingAndSigningTakesASecondSignature() throws Exception {
        Path certified = dir.resolve("certified-p2.pdf");
        Path both = dir.resolve("certified-p2-signed.pdf");

        signer.sign(SignRequest.builder(first, PadesLevel.B_T).certification(Certification.FORM_FILLING_AND_SIGNING)
                .build(), input, certified);
        signer.sign(SignRequest.builder(second, PadesLevel.B_LT).build(), certified, both);

        assertPrefix(certified, both);
        assertQpdfClean(both);
        assertPdfsigValid(pdfsig, both, 2);
        String raw = pdfsig.rawOutput(both);
        assertThat(raw).doesNotContain("not yet been verified");
        try (PDDocument doc = Loader.loadPDF(both.toFile())) {
            assertThat(doc.getDocumentCatalog().getCOSObject().getCOSDictionary(
                    org.apache.pdfbox.cos.COSName.PERMS)).isNotNull();
        }
    }

    @Test
    void certificationWithNoChangesRefusesAnotherSignature() {
        Path certified = dir.resolve("certified-p1.pdf");
        signer.sign(SignRequest.builder(first, PadesLevel.B_B).certification(Certification.NO_CHANGES).build(), input,
                certified);

        assertPdfsigValid(pdfsig, certified, 1);
        assertThatThrownBy(() -> signer.sign(SignRequest.builder(second, PadesLevel.B_B).build(), certified,
                dir.resolve("refused.pdf")))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CERTIFICATION_FORBIDS_CHANGES));
        assertThat(dir.resolve("refused.pdf")).doesNotExist();
    }

    @Test
    void onlyTheFirstSignatureMayCertify() {
        Path signed = dir.resolve("approval.pdf");
        signer.sign(SignRequest.builder(first, PadesLevel.B_B).build(), input, signed);

        assertThatThrownBy(() -> signer.sign(SignRequest.builder(second, PadesLevel.B_B)
                .certification(Certification.FORM_FILLING_AND_SIGNING).build(), signed, dir.resolve("late.pdf")))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void secondSignerLeavesTheFirstSignatureValid() throws Exception {
        Path once = dir.resolve("once.pdf");
        Path twice = dir.resolve("twice.pdf");
        signer.sign(SignRequest.builder(first, PadesLevel.B_LT).fieldName("lanh_dao").build(), input, once);

        SignResult r = signer.sign(SignRequest.builder(second, PadesLevel.B_LT).build(), once, twice);

        assertThat(r.fieldName()).isNotEqualTo("lanh_dao");
        assertPrefix(once, twice);
        assertQpdfClean(twice);
        List<vn.kyso.signing.testpki.Pdfsig.Result> results = assertPdfsigValid(pdfsig, twice, 2);
        assertThat(results).extracting(vn.kyso.signing.testpki.Pdfsig.Result::signerCommonName)
                .containsExactly("Giám đốc", "Văn thư");
        PadesAssertions.assertCmsVerifies(twice);
    }

    @Test
    void extendRaisesBtToLtThenLtaAndAnArchiveTimestampFollows() throws Exception {
        Path t = dir.resolve("t.pdf");
        Path lt = dir.resolve("t-lt.pdf");
        Path lta = dir.resolve("t-lta.pdf");
        Path again = dir.resolve("t-lta2.pdf");
        signer.sign(SignRequest.builder(first, PadesLevel.B_T).build(), input, t);

        signer.extend(t, lt, PadesLevel.B_LT);
        signer.extend(lt, lta, PadesLevel.B_LTA);
        signer.addDocumentTimestamp(lta, again);

        PadesAssertions.assertLevelStructure(lt, PadesLevel.B_LT);
        PadesAssertions.assertLevelStructure(lta, PadesLevel.B_LTA);
        assertPrefix(t, lt);
        assertPrefix(lt, lta);
        assertPrefix(lta, again);
        assertQpdfClean(again);
        assertThat(PadesAssertions.assertDocumentTimestampsVerify(again)).isEqualTo(2);
        assertPdfsigValid(pdfsig, again, 3);
    }

    @Test
    void missingIssuerIsFetchedFromCaIssuersForTheDss() throws Exception {
        TestPki.Credential c = server.pki().signer("Chuỗi thiếu", TestPki.KeyType.EC_P256);
        SigningKey leafOnly = InMemorySigningKey.of(c.privateKey(), List.of(c.certificate()));
        Path out = dir.resolve("leaf-only-lt.pdf");
        int before = server.hits(vn.kyso.signing.testpki.TestPkiServer.CA_ISSUERS);

        signer.sign(SignRequest.builder(leafOnly, PadesLevel.B_LT).build(), input, out);

        assertThat(server.hits(vn.kyso.signing.testpki.TestPkiServer.CA_ISSUERS)).isGreaterThan(before);
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            org.apache.pdfbox.cos.COSDictionary dss = doc.getDocumentCatalog().getCOSObject()
                    .getCOSDictionary(org.apache.pdfbox.cos.COSName.DSS);
            java.util.List<byte[]> certs = new java.util.ArrayList<>();
            org.apache.pdfbox.cos.COSArray array = dss.getCOSArray(org.apache.pdfbox.cos.COSName.CERTS);
            for (int i = 0; i < array.size(); i++) {
                try (java.io.InputStream in = ((org.apache.pdfbox.cos.COSStream) array.getObject(i)).createInputStream()) {
                    certs.add(in.readAllBytes());
                }
            }
            assertThat(certs).anySatisfy(der -> assertThat(der)
                    .isEqualTo(server.pki().issuingCa().certificate().getEncoded()));
        }
    }

    @Test
    void onePdfSignerSignsFromManyThreads() throws Exception {
        byte[] pdf = Files.readAllBytes(input);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<byte[]>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                SigningKey key = i % 2 == 0 ? first : second;
                futures.add(pool.submit(() -> {
                    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                    signer.sign(SignRequest.builder(key, PadesLevel.B_T).build(), pdf, out);
                    return out.toByteArray();
                }));
            }
            for (int i = 0; i < futures.size(); i++) {
                Path out = Files.write(dir.resolve("parallel-" + i + ".pdf"), futures.get(i).get());
                PadesAssertions.assertCmsVerifies(out);
            }
            assertPdfsigValid(pdfsig, dir.resolve("parallel-11.pdf"), 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void timestampedLevelWithoutAnyTsaIsAnInvalidRequest() {
        assertThatThrownBy(() -> PdfSigner.builder().build().sign(SignRequest.builder(first, PadesLevel.B_T).build(),
                input, dir.resolve("no-tsa.pdf")))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_REQUEST));
    }

    @Test
    void requestTsaUrlIsUsedWhenTheSignerHasNoTimestampSource() throws Exception {
        Path out = dir.resolve("tsa-url.pdf");

        SignResult r = PdfSigner.builder().build().sign(SignRequest.builder(first, PadesLevel.B_T)
                .tsaUrl(server.tsaUrl()).build(), input, out);

        assertThat(r.timestampTime()).isNotNull();
        PadesAssertions.assertLevelStructure(out, PadesLevel.B_T);
    }

    @Test
    void anEarlierSignerWithAnUnreachableCaDoesNotBlockANewLtSignatureButBlocksExtend() {
        TestPki foreign = TestPki.create(java.time.Instant.now(), "http://127.0.0.1:1", TestPki.KeyType.EC_P256,
                "Foreign");
        TestPki.Credential f = foreign.signer("Người ký ngoài tỉnh", TestPki.KeyType.EC_P256);
        Path foreignSigned = dir.resolve("foreign.pdf");
        signer.sign(SignRequest.builder(InMemorySigningKey.of(f.privateKey(), f.chain()), PadesLevel.B_B).build(), input,
                foreignSigned);
        Path ours = dir.resolve("foreign-then-ours.pdf");

        signer.sign(SignRequest.builder(second, PadesLevel.B_LT).build(), foreignSigned, ours);

        assertPdfsigValid(Pdfsig.trusting(dir.resolve("both-roots"), server.pki().root().certificate(),
                foreign.root().certificate()), ours, 2);
        assertThatThrownBy(() -> signer.extend(foreignSigned, dir.resolve("foreign-lt.pdf"), PadesLevel.B_LT))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.REVOCATION_UNAVAILABLE));
    }

    @Test
    void ltaWithOnlyARequestTsaUrlTimestampsTheDocumentToo() throws Exception {
        Path out = dir.resolve("lta-url.pdf");

        PdfSigner.builder().build().sign(SignRequest.builder(first, PadesLevel.B_LTA).tsaUrl(server.tsaUrl()).build(),
                input, out);

        PadesAssertions.assertLevelStructure(out, PadesLevel.B_LTA);
    }

    @Test
    void revokedSignerCannotReachLt() {
        TestPki.Credential c = server.pki().signer("Đã thu hồi", TestPki.KeyType.EC_P256);
        server.revoke(c.certificate());

        assertThatThrownBy(() -> signer.sign(SignRequest.builder(InMemorySigningKey.of(c.privateKey(), c.chain()),
                PadesLevel.B_LT).build(), input, dir.resolve("revoked.pdf")))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.CERTIFICATE_REVOKED));
    }

    @Test
    void streamAndByteArrayVariantsSignAndReportTheOutputHash() throws Exception {
        java.io.ByteArrayOutputStream fromStream = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream fromBytes = new java.io.ByteArrayOutputStream();
        SignResult a;
        try (java.io.InputStream in = Files.newInputStream(input)) {
            a = signer.sign(SignRequest.builder(first, PadesLevel.B_LT).build(), in, fromStream);
        }
        SignResult b = signer.sign(SignRequest.builder(second, PadesLevel.B_T).build(), Files.readAllBytes(input),
                fromBytes);
        Path pa = Files.write(dir.resolve("from-stream.pdf"), fromStream.toByteArray());
        Path pb = Files.write(dir.resolve("from-bytes.pdf"), fromBytes.toByteArray());

        assertThat(a.documentSha256()).isEqualTo(java.security.MessageDigest.getInstance("SHA-256")
                .digest(fromStream.toByteArray()));
        assertThat(a.outputSize()).isEqualTo(fromStream.size());
        assertThat(b.documentSha256()).isEqualTo(java.security.MessageDigest.getInstance("SHA-256")
                .digest(fromBytes.toByteArray()));
        assertPrefix(input, pa);
        assertPrefix(input, pb);
        assertPdfsigValid(pdfsig, pa, 1);
        assertPdfsigValid(pdfsig, pb, 1);
    }

    @Test
    void contentsAreSizedFromTheChainNotAFixedPad() throws Exception {
        Path out = dir.resolve("sized.pdf");
        signer.sign(SignRequest.builder(second, PadesLevel.B_B).build(), input, out);

        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            int[] br = doc.getSignatureDictionaries().get(0).getByteRange();
            int reservedBytes = (br[2] - br[1] - 2) / 2;
            int cmsBytes = PadesAssertions.contentInfo(doc.getSignatureDictionaries().get(0).getContents())
                    .getEncoded().length;
            assertThat(reservedBytes).isLessThan(cmsBytes + 2500);
        }
    }

    @Test
    void inputsThatAreNotSignablePdfsFailWithOneClearLine() throws Exception {
        byte[] pdf = Files.readAllBytes(input);
        Path empty = Files.write(dir.resolve("empty.pdf"), new byte[0]);
        Path text = Files.writeString(dir.resolve("text.pdf"), "hello, this is not a PDF");
        Path truncated = Files.write(dir.resolve("truncated.pdf"), Arrays.copyOf(pdf, pdf.length / 2));
        Path encrypted = dir.resolve("encrypted.pdf");
        try (PDDocument doc = Loader.loadPDF(input.toFile())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            doc.protect(policy);
            doc.save(encrypted.toFile());
        }

        assertRefused(empty, ErrorCode.NOT_A_PDF);
        assertRefused(text, ErrorCode.NOT_A_PDF);
        assertRefused(truncated, ErrorCode.NOT_A_PDF);
        assertRefused(encrypted, ErrorCode.ENCRYPTED_PDF);
    }

    private void assertRefused(Path file, ErrorCode code) {
        assertThatThrownBy(() -> signer.sign(SignRequest.builder(first, PadesLevel.B_B).build(), file,
                dir.resolve("never.pdf")))
                .isInstanceOfSatisfying(SigningException.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).doesNotContain("\n");
                });
    }
}
