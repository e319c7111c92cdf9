package vn.kyso.signing.appearance;

import java.io.IOException;
import java.time.ZonedDateTime;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import vn.kyso.signing.VisibleSignature;
import vn.kyso.signing.VisibleSignature.Placement;

/**
 * How long laying out each visible signature takes (the template PDF included), on an open
 * document. Run: {@code java -cp <test classpath> org.openjdk.jmh.Main AppearanceBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AppearanceBenchmark {

    private static final AppearanceContext CONTEXT = new AppearanceContext("Nguyễn Văn A",
            "Ủy ban nhân dân tỉnh Cà Mau", ZonedDateTime.parse("2026-03-05T14:30:00+07:00"));

    private PDDocument document;
    private VisibleSignature personalAtAnchor;
    private VisibleSignature personalAtArea;
    private VisibleSignature appendix;

    @Setup
    public void setUp() throws IOException {
        document = Loader.loadPDF(TestDocuments.decision(false, false, false));
        byte[] image = TestImages.blueSignature();
        personalAtAnchor = new VisibleSignature.PersonalSignature(image, new Placement.Anchor(TestDocuments.NAME));
        personalAtArea = new VisibleSignature.PersonalSignature(image, new Placement.Area(2, 320, 210, 200, 70));
        appendix = new VisibleSignature.AppendixStamp("125/QĐ-UBND");
    }

    @TearDown
    public void tearDown() throws IOException {
        document.close();
    }

    @Benchmark
    public int personalSignatureAtArea() throws IOException {
        return layOut(personalAtArea);
    }

    @Benchmark
    public int personalSignatureAtAnchorText() throws IOException {
        return layOut(personalAtAnchor);
    }

    @Benchmark
    public int appendixStamp() throws IOException {
        return layOut(appendix);
    }

    private int layOut(VisibleSignature spec) throws IOException {
        try (SignatureOptions options = SignatureAppearances.layOut(document, spec, CONTEXT)) {
            return options.getPage();
        }
    }
}
