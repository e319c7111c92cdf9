package vn.kyso.server.signing;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.springframework.stereotype.Component;

import vn.kyso.ca.CertificateRecord;
import vn.kyso.server.security.KysoUser;
import vn.kyso.server.signing.SigningRefusedException.Reason;
import vn.kyso.signing.SigningException;
import vn.kyso.signing.VisibleSignature;
import vn.kyso.signing.appearance.AppearanceContext;
import vn.kyso.signing.appearance.Landing;
import vn.kyso.signing.appearance.SignatureAppearances;

/**
 * What a step draws on the page and writes into the signature's Reason: the officer's stored
 * image, the agency's stored seal with the document number and date, the appendix and copy
 * stamps. The same answer serves signing and the preview the console shows before the PIN.
 */
@Component
class SigningAppearance {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final SigningStore store;
    private final SigningCertificates certificates;
    private final PdfPages pages;
    private final Clock clock;

    SigningAppearance(SigningStore store, SigningCertificates certificates, PdfPages pages, Clock clock) {
        this.store = store;
        this.certificates = certificates;
        this.pages = pages;
        this.clock = clock;
    }

    /** The visible signature of the order's step with {@code record}, or null for an invisible one. */
    VisibleSignature visible(KysoUser user, SigningOrder order, CertificateRecord record) {
        SigningLayout layout = order.layout();
        return switch (order.step()) {
            case SIGN -> layout.personal(layout.placesSignature()
                    ? store.signatureImage(user.accountId()).orElse(null) : null);
            case ISSUE -> layout.seal(store.seal(record.serialHex()).orElse(null),
                    new VisibleSignature.Numbering(documentNumber(layout), issueDate(layout)));
            case APPENDIX -> layout.appendix();
            case COPY -> layout.copy(DocumentSigning.commonName(record.certificate()));
        };
    }

    String reason(SigningOrder order) {
        SigningLayout layout = order.layout();
        return switch (order.step()) {
            case SIGN -> null;
            case ISSUE -> "Ban hành văn bản số " + documentNumber(layout) + " ngày " + issueDate(layout);
            case APPENDIX -> "Phụ lục văn bản số " + documentNumber(layout);
            case COPY -> "Bản sao";
        };
    }

    /**
     * Where the order's step would draw on {@code pdf}: the checks signing makes before the PIN
     * (the certificate is the caller's, the images exist, the anchor or the signature to seal is
     * found), with no key opened and nothing recorded. Empty for an invisible signature.
     */
    List<Landing> preview(KysoUser user, SigningOrder order, byte[] pdf) {
        pages.inspect(pdf);
        CertificateRecord record = certificates.choose(user, order.certificateSerial(), order.step().kind());
        VisibleSignature visible = visible(user, order, record);
        if (visible == null) {
            return List.of();
        }
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return SignatureAppearances.locate(document, visible, new AppearanceContext(
                    DocumentSigning.commonName(record.certificate()), null, clock.instant().atZone(VIETNAM)));
        } catch (IOException e) {
            throw new SigningException(SigningException.ErrorCode.NOT_A_PDF, "the upload is not a readable PDF", e);
        }
    }

    private static String documentNumber(SigningLayout layout) {
        if (layout.documentNumber() == null || layout.documentNumber().isBlank()) {
            throw new SigningRefusedException(Reason.INVALID_FIELD, "documentNumber is required", "documentNumber");
        }
        return layout.documentNumber().strip();
    }

    /** The date the clerk gives, else today in Vietnam. */
    private LocalDate issueDate(SigningLayout layout) {
        return layout.documentDate() != null ? layout.documentDate() : LocalDate.ofInstant(clock.instant(), VIETNAM);
    }
}
