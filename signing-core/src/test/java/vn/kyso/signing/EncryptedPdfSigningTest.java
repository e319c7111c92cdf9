package vn.kyso.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.kyso.signing.PadesAssertions.assertPdfsigValid;
import static vn.kyso.signing.PadesAssertions.assertPrefix;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.kyso.signing.SigningException.ErrorCode;
import vn.kyso.signing.key.InMemorySigningKey;
import vn.kyso.signing.testpki.ExternalTool;
import vn.kyso.signing.testpki.TestPki;

/**
 * PDFs encrypted with the empty user password (restrictions only), made by PDFBox and by qpdf:
 * signed, extended and verified in their own encryption, their permissions honoured as DSS reads
 * them; pdfsig and qpdf --check accept the results.
 */
class EncryptedPdfSigningTest extends LoopbackPkiTest {

    static SigningKey key;

    /** Encrypted inputs made by other software, each allowing a new signature field. */
    enum Maker {
        QPDF_AES256(List.of("--encrypt", "", "owner", "256", "--modify=all")),
        QPDF_AES128(List.of("--encrypt", "", "owner", "128", "--use-aes=y")),
        QPDF_RC4_128(List.of("--allow-weak-crypto", "--encrypt", "", "owner", "128", "--use-aes=n")),
        PDFBOX_AES256(null),
        PDFBOX_AES128(null);

        final List<String> qpdfArgs;

        Maker(List<String> qpdfArgs) {
            this.qpdfArgs = qpdfArgs;
        }
    }

    @BeforeAll
    static void makeKey() {
        TestPki.Credential c = server.pki().signer("Chuyên viên", TestPki.KeyType.EC_P256);
        key = InMemorySigningKey.of(c.privateKey(), c.chain());
    }

    static Path encrypted(Maker maker, Path out) throws Exception {
        if (maker.qpdfArgs != null) {
            // qpdf --encrypt USER OWNER BITS [restrictions] -- IN OUT
            List<String> cmd = new ArrayList<>(List.of("qpdf"));
            cmd.addAll(maker.qpdfArgs);
            cmd.addAll(List.of("--", input.toString(), out.toString()));
            ExternalTool.runOk(cmd);
            return out;
        }
        return pdfboxEncrypted(out, maker == Maker.PDFBOX_AES256 ? 256 : 128, new AccessPermission());
    }

    static Path pdfboxEncrypted(Path out, int bits, AccessPermission permissions) throws Exception {
        try (PDDocument doc = Loader.loadPDF(input.toFile())) {
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "", permissions);
            policy.setEncryptionKeyLength(bits);
            doc.protect(policy);
            doc.save(out.toFile());
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(Maker.class)
    void anEncryptedPdfOpeningWithoutAPasswordIsSignedInItsOwnEncryption(Maker maker) throws Exception {
        Path in = encrypted(maker, dir.resolve("enc-" + maker + ".pdf"));
        Path out = dir.resolve("enc-" + maker + "-lta.pdf");

        signer.sign(SignRequest.builder(key, PadesLevel.B_LTA).reason("Phê duyệt").build(), in, out);

        assertPrefix(in, out);
        assertSameEncryption(in, out);
        assertQpdfClean(out);
        assertPdfsigValid(pdfsig, out, 2);
        PadesAssertions.assertLevelStructure(out, PadesLevel.B_LTA);
        try (PDDocument doc = Loader.loadPDF(out.toFile())) {
            // the update's strings are encrypted with the document's key: PDFBox reads them back in clear
            assertThat(doc.getSignatureDictionaries().get(0).getReason()).isEqualTo("Phê duyệt");
        }
        assertThat(new String(Files.readAllBytes(out), java.nio.charset.StandardCharsets.ISO_8859_1))
                .doesNotContain("Ph\u00ea duy").doesNotContain("(Phê");
        VerificationReport report = verifier().verify(out);
        assertThat(report.signatures()).hasSize(1);
        assertThat(report.signatures().get(0).indication()).as(report.toString()).isEqualTo(Indication.VALID);
    }

    @Test
    void anEncryptedSignedPdfIsExtendedToLtaKeepingItsEncryption() throws Exception {
        Path in = encrypted(Maker.QPDF_AES256, dir.resolve("ext-in.pdf"));
        Path b = dir.resolve("ext-b.pdf");
        Path lt = dir.resolve("ext-lt.pdf");
        Path lta = dir.resolve("ext-lta.pdf");
        signer.sign(SignRequest.builder(key, PadesLevel.B_T).build(), in, b);

        signer.extend(b, lt, PadesLevel.B_LT);
        signer.extend(lt, lta, PadesLevel.B_LTA);

        assertPrefix(b, lta);
        assertSameEncryption(in, lta);
        assertQpdfClean(lta);
        assertPdfsigValid(pdfsig, lta, 2);
        PadesAssertions.assertLevelStructure(lta, PadesLevel.B_LTA);
        assertThat(verifier().verify(lta).signatures().get(0).indication()).isEqualTo(Indication.VALID);
    }

    @Test
    void theTwoStepFlowSignsAnEncryptedPdfWithOnlyTheCmsAndZerosInTheGap() throws Exception {
        TestPki.Credential c = server.pki().signer("Ký hai bước", TestPki.KeyType.EC_P256);
        Path in = encrypted(Maker.QPDF_AES128, dir.resolve("two-step-in.pdf"));
        PreparedSignature prepared = signer.prepare(SignRequest.builder(
                vn.kyso.signing.key.ExternalSigningKey.chainOnly(c.chain()), PadesLevel.B_LT).build(), in);
        java.security.Signature outside = java.security.Signature.getInstance("SHA256withECDSA");
        outside.initSign(c.privateKey());
        outside.update(prepared.toBeSigned());
        Path out = dir.resolve("two-step-enc.pdf");

        signer.complete(prepared, outside.sign(), out);

        assertPrefix(in, out);
        assertSameEncryption(in, out);
        assertQpdfClean(out);
        assertPdfsigValid(pdfsig, out, 1);
        assertThat(verifier().verify(out).signatures().get(0).indication()).isEqualTo(Indication.VALID);
    }

    @Test
    void permissionsWithoutModifyingForbidSigningAndSayWhy() throws Exception {
        AccessPermission fillOnly = new AccessPermission();
        fillOnly.setCanModify(false);
        fillOnly.setCanModifyAnnotations(false);
        fillOnly.setCanFillInForm(true);
        Path pdfbox = pdfboxEncrypted(dir.resolve("fill-only.pdf"), 256, fillOnly);
        List<Path> files = new ArrayList<>(List.of(pdfbox));
        // qpdf: nothing; fill in forms only (bit 9); annotations and forms but no other changes (bits 6, 9)
        for (String modify : List.of("none", "form", "annotate")) {
            Path qpdf = dir.resolve("qpdf-modify-" + modify + ".pdf");
            ExternalTool.runOk(List.of("qpdf", "--encrypt", "", "owner", "256", "--modify=" + modify, "--",
                    input.toString(), qpdf.toString()));
            files.add(qpdf);
        }

        for (Path file : files) {
            assertThatThrownBy(() -> signer.sign(SignRequest.builder(key, PadesLevel.B_B).build(), file,
                    dir.resolve("never.pdf")))
                    .isInstanceOfSatisfying(SigningException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.ENCRYPTION_FORBIDS_SIGNING);
                        assertThat(e.getMessage()).doesNotContain("\n").contains("permissions");
                    });
        }
        assertThat(dir.resolve("never.pdf")).doesNotExist();
    }

    @Test
    void anAes256PermissionWordEditedToAllowSigningIsNotBelieved() throws Exception {
        Path restricted = dir.resolve("restricted-256.pdf");
        ExternalTool.runOk(List.of("qpdf", "--encrypt", "", "owner", "256", "--modify=none", "--", input.toString(),
                restricted.toString()));
        byte[] bytes = Files.readAllBytes(restricted);
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/P (-?\\d+)").matcher(text);
        assertThat(m.find()).isTrue();
        // the same number of characters, every permission bit set
        String all = String.format("%-" + m.group(1).length() + "s", "-4");
        byte[] edited = (text.substring(0, m.start(1)) + all + text.substring(m.end(1)))
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        Path forged = Files.write(dir.resolve("forged-p.pdf"), edited);

        assertThatThrownBy(() -> signer.sign(SignRequest.builder(key, PadesLevel.B_B).build(), forged,
                dir.resolve("never3.pdf")))
                .isInstanceOfSatisfying(SigningException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.ENCRYPTION_FORBIDS_SIGNING);
                    assertThat(e.getMessage()).contains("/Perms");
                });
    }

    @Test
    void aPdfThatNeedsAUserPasswordIsRefusedAsEncrypted() throws Exception {
        Path locked = dir.resolve("user-password.pdf");
        ExternalTool.runOk(List.of("qpdf", "--encrypt", "secret", "owner", "256", "--", input.toString(),
                locked.toString()));

        assertThatThrownBy(() -> signer.sign(SignRequest.builder(key, PadesLevel.B_B).build(), locked,
                dir.resolve("never2.pdf")))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.ENCRYPTED_PDF));
        assertThatThrownBy(() -> verifier().verify(locked)).isInstanceOfSatisfying(SigningException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.ENCRYPTED_PDF));
    }

    private static PdfVerifier verifier() {
        return PdfVerifier.builder().trustAnchors(List.of(server.pki().root().certificate())).build();
    }

    private static void assertQpdfClean(Path file) {
        ExternalTool check = ExternalTool.run(List.of("qpdf", "--password=", "--check", file.toString()));
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).doesNotContain("WARNING");
    }

    /** The output's trailer names the same /Encrypt dictionary, unchanged, and the same permanent /ID. */
    private static void assertSameEncryption(Path original, Path signed) throws Exception {
        try (PDDocument a = Loader.loadPDF(original.toFile()); PDDocument b = Loader.loadPDF(signed.toFile())) {
            assertThat(b.isEncrypted()).isTrue();
            COSDictionary ea = a.getEncryption().getCOSObject();
            COSDictionary eb = b.getEncryption().getCOSObject();
            for (COSName k : List.of(COSName.FILTER, COSName.V, COSName.R, COSName.LENGTH, COSName.P, COSName.O,
                    COSName.U)) {
                assertThat(String.valueOf(eb.getDictionaryObject(k))).as(k.getName())
                        .isEqualTo(String.valueOf(ea.getDictionaryObject(k)));
            }
            // the first /ID string keys RC4 and AES-128 encryption: it stays; the second may change with each update
            assertThat(b.getDocument().getDocumentID().getObject(0).toString())
                    .isEqualTo(a.getDocument().getDocumentID().getObject(0).toString());
        }
        String shown = ExternalTool.run(List.of("qpdf", "--show-encryption", signed.toString())).output();
        String before = ExternalTool.run(List.of("qpdf", "--show-encryption", original.toString())).output();
        assertThat(shown).isEqualTo(before);
    }
}
