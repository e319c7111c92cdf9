package vn.kyso.signing.appearance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import vn.kyso.signing.SigningException;

class PreparedImageTest {

    @Test
    void theSameImageIsDecodedOnceAndReused() {
        PreparedImage first = PreparedImage.of(TestImages.redSeal(), "seal image");
        PreparedImage again = PreparedImage.of(TestImages.redSeal(), "seal image");
        assertThat(again).isSameAs(first);
    }

    @Test
    void transparentMarginsAreTrimmed() {
        // the seal is drawn 500 px across on a 540 px canvas: a stroke of 14 px centred on a 486 px circle
        PreparedImage seal = PreparedImage.of(TestImages.redSeal(), "seal image");
        assertThat(seal.width()).isBetween(498, 503);
        assertThat(seal.height()).isBetween(498, 503);
    }

    @Test
    void anImageWithNothingVisibleIsAnInvalidRequest() {
        assertThatThrownBy(() -> PreparedImage.of(TestImages.fullyTransparent(), "signature image"))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.code()).isEqualTo(SigningException.ErrorCode.INVALID_REQUEST))
                .hasMessageContaining("fully transparent");
    }

    @Test
    void aCorruptPngIsAnInvalidRequest() {
        byte[] truncated = Arrays.copyOf(TestImages.blueSignature(), 40);
        assertThatThrownBy(() -> PreparedImage.of(truncated, "signature image"))
                .isInstanceOfSatisfying(SigningException.class,
                        e -> assertThat(e.code()).isEqualTo(SigningException.ErrorCode.INVALID_REQUEST))
                .hasMessageContaining("signature image");
    }
}
