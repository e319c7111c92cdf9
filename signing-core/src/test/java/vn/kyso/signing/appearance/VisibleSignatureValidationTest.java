package vn.kyso.signing.appearance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import vn.kyso.signing.SigningException;
import vn.kyso.signing.VisibleSignature;
import vn.kyso.signing.VisibleSignature.AgencySeal;
import vn.kyso.signing.VisibleSignature.AppendixStamp;
import vn.kyso.signing.VisibleSignature.CopyStamp;
import vn.kyso.signing.VisibleSignature.Placement;
import vn.kyso.signing.VisibleSignature.PersonalSignature;

/** The layout records refuse nonsense when built, with INVALID_REQUEST. */
class VisibleSignatureValidationTest {

    private static final byte[] PNG = TestImages.blueSignature();

    @Test
    void imagesMustBePng() {
        assertInvalid(() -> new PersonalSignature("GIF89a...".getBytes(StandardCharsets.US_ASCII),
                new Placement.Anchor("Nguyễn Văn A")), "must be a PNG");
        assertInvalid(() -> new AgencySeal(null, 1), "sealImage is required");
    }

    @Test
    void placementsMustFitTheLayout() {
        assertInvalid(() -> new PersonalSignature(PNG, new Placement.OverSignature(1)), "area or anchor");
        assertInvalid(() -> new AgencySeal(PNG, 38, new Placement.Anchor("CHỦ TỊCH")), "not at anchor text");
        assertInvalid(() -> new AgencySeal(PNG, 5, new Placement.OverSignature(1)), "between 10 and 100 mm");
    }

    @Test
    void areasAndPagesMustMakeSense() {
        assertInvalid(() -> new Placement.Area(0, 10, 10, 100, 50), "start at 1");
        assertInvalid(() -> new Placement.Area(1, 10, 10, -100, 50), "positive width");
        assertInvalid(() -> new Placement.Area(1, Double.NaN, 10, 100, 50), "finite");
        assertInvalid(() -> new Placement.Anchor("  ", 1, Placement.AnchorLine.NAME), "anchor text is required");
        assertInvalid(() -> new Placement.OverSignature(-1), "start at 1");
    }

    @Test
    void stampsNeedTheirText() {
        assertInvalid(() -> new AppendixStamp(" "), "documentNumber is required");
        assertInvalid(() -> new CopyStamp(null, "Sở Tư pháp"), "kind is required");
        assertThat(new AppendixStamp(" 125/QĐ-UBND ").documentNumber()).isEqualTo("125/QĐ-UBND");
    }

    @Test
    void millimetresConvertToPoints() {
        Placement.Area area = Placement.Area.ofMillimetres(1, 25.4, 0, 254, 12.7);
        assertThat(area.x()).isEqualTo(72, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(area.width()).isEqualTo(720, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(area.height()).isEqualTo(36, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void imageBytesAreCopiedSoCallersCannotChangeARequest() {
        byte[] bytes = PNG.clone();
        PersonalSignature spec = new PersonalSignature(bytes, new Placement.Anchor("Nguyễn Văn A"));
        bytes[20] ^= 1;
        spec.image()[21] ^= 1;
        assertThat(spec.image()).isEqualTo(PNG);
        assertThat(spec).isEqualTo(new PersonalSignature(PNG, new Placement.Anchor("Nguyễn Văn A")));
    }

    @Test
    void copyKindsReadAsPrinted() {
        assertThat(VisibleSignature.CopyKind.SAO_Y.label()).isEqualTo("SAO Y");
        assertThat(VisibleSignature.CopyKind.SAO_LUC.label()).isEqualTo("SAO LỤC");
        assertThat(VisibleSignature.CopyKind.TRICH_SAO.label()).isEqualTo("TRÍCH SAO");
    }

    private static void assertInvalid(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(SigningException.class,
                e -> assertThat(e.code()).isEqualTo(SigningException.ErrorCode.INVALID_REQUEST))
                .hasMessageContaining(message);
    }
}
