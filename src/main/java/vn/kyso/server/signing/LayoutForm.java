package vn.kyso.server.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.multipart.MultipartFile;

/**
 * The layout fields of a signing request as multipart fields (the API and the console post the
 * same names); see {@link SigningLayout} for their meaning.
 */
public record LayoutForm(MultipartFile image, Integer page, Double x, Double y, Double width, Double height, String anchor,
        Integer anchorPage, String anchorLine, Boolean withSignerText, String documentNumber,
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate documentDate, String copyKind, String copyingAgency,
        MultipartFile sealImage, Double sealDiameterMm) {

    public SigningLayout toLayout() {
        return new SigningLayout(bytes(image), page, x, y, width, height, anchor, anchorPage, anchorLine,
                Boolean.TRUE.equals(withSignerText), documentNumber, documentDate, copyKind, copyingAgency,
                bytes(sealImage), sealDiameterMm);
    }

    static byte[] bytes(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return null;
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
