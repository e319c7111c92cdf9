package vn.kyso.server.verification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerificationViewTest {

    @Test
    void aDistinguishedNameIsShownWithTheEmailNamedAndSpacesBetweenAttributes() {
        String raw = "1.2.840.113549.1.9.1=#161163622d314063616d61752e676f762e766e,UID=CCCD:012345678901,"
                + "CN=Đặng Quốc Khánh,O=Sở Nội vụ\\, tỉnh Cà Mau,C=VN";

        assertThat(VerificationView.readable(raw)).isEqualTo("EMAILADDRESS=cb-1@camau.gov.vn, UID=CCCD:012345678901, "
                + "CN=Đặng Quốc Khánh, O=Sở Nội vụ\\, tỉnh Cà Mau, C=VN");
    }

    @Test
    void anUnreadableNameIsShownAsGiven() {
        assertThat(VerificationView.readable("not a = = name,,")).isEqualTo("not a = = name,,");
        assertThat(VerificationView.readable(null)).isNull();
    }
}
