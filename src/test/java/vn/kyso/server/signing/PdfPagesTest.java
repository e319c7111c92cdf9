package vn.kyso.server.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import vn.kyso.server.config.KysoProperties;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.testpki.TestPdfs;

class PdfPagesTest {

    @TempDir
    Path temp;

    private final PdfPages pages = new PdfPages(new KysoProperties(Path.of("."), null,
            new KysoProperties.Limits(DataSize.ofMegabytes(1), 2, Duration.ofSeconds(60))));

    @Test
    void measuresPagesInMillimetresAsDisplayed() throws Exception {
        byte[] pdf = Files.readAllBytes(TestPdfs.pages(temp.resolve("two.pdf"), 2));
        assertThat(pages.inspect(pdf)).hasSize(2).allSatisfy(p -> {
            assertThat(p.widthMm()).isBetween(200.0, 220.0);
            assertThat(p.heightMm()).isBetween(270.0, 300.0);
        });
        assertThat(pages.render(pdf, 2, 36)).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
    }

    @Test
    void moreThanTheMaximumPagesIsRefused() throws Exception {
        byte[] pdf = Files.readAllBytes(TestPdfs.pages(temp.resolve("three.pdf"), 3));
        assertThatThrownBy(() -> pages.inspect(pdf)).isInstanceOfSatisfying(SigningRefusedException.class,
                e -> {
                    assertThat(e.reason()).isEqualTo(SigningRefusedException.Reason.TOO_MANY_PAGES);
                    assertThat(e.args()).hasSize(2).startsWith(3); // pages, then the limit
                    assertThat(e.attemptsLeft()).isNull();
                });
    }

    @Test
    void encryptedAndNonPdfUploadsAreRefused() throws Exception {
        byte[] encrypted;
        try (PDDocument document = Loader.loadPDF(TestPdfs.onePage(temp.resolve("one.pdf")).toFile())) {
            document.protect(new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            encrypted = out.toByteArray();
        }
        assertThatThrownBy(() -> pages.inspect(encrypted)).isInstanceOfSatisfying(SigningException.class,
                e -> assertThat(e.code()).isEqualTo(SigningException.ErrorCode.ENCRYPTED_PDF));
        assertThatThrownBy(() -> pages.inspect("%PDF-1.7 nonsense".getBytes())).isInstanceOfSatisfying(
                SigningException.class, e -> assertThat(e.code()).isEqualTo(SigningException.ErrorCode.NOT_A_PDF));
        assertThatThrownBy(() -> pages.render(Files.readAllBytes(temp.resolve("one.pdf")), 5, 36))
                .isInstanceOf(SigningRefusedException.class);
    }
}
