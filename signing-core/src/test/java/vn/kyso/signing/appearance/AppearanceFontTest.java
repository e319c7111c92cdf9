package vn.kyso.signing.appearance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.fontbox.ttf.GlyphData;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDFontDescriptor;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;

import vn.kyso.signing.VisibleSignature.CopyKind;
import vn.kyso.signing.VisibleSignature.CopyStamp;
import vn.kyso.signing.VisibleSignature.Placement;
import vn.kyso.signing.VisibleSignature.PersonalSignature;
import vn.kyso.signing.testpki.TestPki;

class AppearanceFontTest {

    @Test
    void vietnameseTextIsDrawnWithAnEmbeddedSubsetThatHasTheGlyphs() throws IOException {
        TestPki.Credential signer = TestPki.create().signer("Đoàn Thị Thuỵ", TestPki.KeyType.EC_P256);
        AppearanceContext context = new AppearanceContext("Đoàn Thị Thuỵ", "Trung tâm Lưu trữ lịch sử tỉnh Cà Mau",
                ZonedDateTime.parse("2026-03-05T14:30:00+07:00"));
        byte[] signed = TestSigning.sign(TestDocuments.decision(false, false, false), new PersonalSignature(
                TestImages.blueSignature(), new Placement.Area(2, 320, 420, 220, 110), true), context, signer);
        Rendering.render(signed, 1, "font-vietnamese-signer-text");

        try (SignedAppearance appearance = new SignedAppearance(signed)) {
            PDType0Font font = appearance.font();
            assertThat(font.getName()).as("subset tag + base name").matches("[A-Z]{6}\\+LiberationSerif");
            assertThat(font.isEmbedded()).isTrue();
            PDCIDFontType2 cidFont = (PDCIDFontType2) font.getDescendantFont();
            PDFontDescriptor descriptor = cidFont.getFontDescriptor();
            assertThat(descriptor.getFontFile2()).as("TrueType program embedded (FontFile2)").isNotNull();
            assertThat(descriptor.getFontFile2().toByteArray().length).as("a subset, not the 390 KB font")
                    .isLessThan(60_000);

            TrueTypeFont embedded = cidFont.getTrueTypeFont();
            for (String letter : List.of("Đ", "ữ", "ỵ", "ị", "ở")) {
                int code = font.readCode(new ByteArrayInputStream(font.encode(letter)));
                int gid = cidFont.codeToGID(code);
                GlyphData glyph = embedded.getGlyph().getGlyph(gid);
                assertThat(gid).as("glyph id of %s", letter).isPositive();
                assertThat(glyph).as("outline of %s in the subset", letter).isNotNull();
                assertThat(glyph.getNumberOfContours()).as("outline of %s in the subset", letter).isNotZero();
                assertThat(font.toUnicode(code)).isEqualTo(letter);
            }
            assertThat(appearance.lines()).contains("Ký bởi: Đoàn Thị Thuỵ",
                    "Cơ quan: Trung tâm Lưu trữ lịch sử tỉnh Cà Mau");
        }
    }

    @Test
    void theFontFileIsParsedOncePerProcess() throws IOException {
        try (PDDocument first = new PDDocument(); PDDocument second = new PDDocument()) {
            TrueTypeFont a = ((PDCIDFontType2) AppearanceFont.embedSubset(first).getDescendantFont()).getTrueTypeFont();
            TrueTypeFont b = ((PDCIDFontType2) AppearanceFont.embedSubset(second).getDescendantFont()).getTrueTypeFont();
            assertThat(a).isSameAs(b);
        }
    }

    @Test
    void concurrentSignaturesShareTheFontSafely() throws Exception {
        TestPki.Credential signer = TestPki.create().signer("Ủy ban nhân dân tỉnh Cà Mau", TestPki.KeyType.EC_P256);
        byte[] decision = TestDocuments.decision(false, false, false);
        ZonedDateTime time = ZonedDateTime.parse("2026-03-05T14:30:00+07:00");
        String[] agencies = {"Sở Tư pháp tỉnh Cà Mau", "Trung tâm Lưu trữ lịch sử", "Ủy ban nhân dân xã Đất Mũi",
            "Sở Khoa học và Công nghệ", "Văn phòng Đoàn đại biểu Quốc hội", "Bộ Chỉ huy Quân sự tỉnh"};
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<List<String>>> results = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String agency = agencies[i % agencies.length];
                results.add(pool.submit(() -> {
                    byte[] signed = TestSigning.sign(decision, new CopyStamp(CopyKind.TRICH_SAO, agency),
                            new AppearanceContext(agency, null, time), signer);
                    try (SignedAppearance appearance = new SignedAppearance(signed)) {
                        return appearance.lines();
                    }
                }));
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).containsExactly("TRÍCH SAO", agencies[i % agencies.length],
                        "2026-03-05T14:30:00+07:00");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
