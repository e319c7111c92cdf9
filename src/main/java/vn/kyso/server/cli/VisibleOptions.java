package vn.kyso.server.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine.Option;

import vn.kyso.signing.VisibleSignature;

/**
 * The {@code --visible} options of {@code kyso sign}, one set per Decree 30/2020 layout: the
 * personal signature image, the agency seal over it, the appendix stamp and the copy stamp.
 * Any layout option implies {@code --visible}.
 */
final class VisibleOptions {

    @Option(names = "--visible", descriptionKey = "option.visible")
    boolean visible;

    @Option(names = "--signature-image", paramLabel = "PNG", descriptionKey = "option.signature-image")
    Path signatureImage;

    @Option(names = "--seal-image", paramLabel = "PNG", descriptionKey = "option.seal-image")
    Path sealImage;

    @Option(names = "--seal-diameter-mm", paramLabel = "MM", descriptionKey = "option.seal-diameter-mm")
    String sealDiameterMm;

    @Option(names = "--page", paramLabel = "N", descriptionKey = "option.page")
    String page;

    @Option(names = "--rect", paramLabel = "x,y,w,h", descriptionKey = "option.rect")
    String rect;

    @Option(names = "--anchor", paramLabel = "TEXT", descriptionKey = "option.anchor")
    String anchor;

    @Option(names = "--appendix-number", paramLabel = "SỐ/KÝ-HIỆU", descriptionKey = "option.appendix-number")
    String appendixNumber;

    @Option(names = "--copy", paramLabel = "SAO_Y|SAO_LUC|TRICH_SAO", descriptionKey = "option.copy")
    String copy;

    @Option(names = "--copy-agency", paramLabel = "NAME", descriptionKey = "option.copy-agency")
    String copyAgency;

    /** The copy kinds of Decree 30/2020 (bản sao). */
    enum CopyKind {
        SAO_Y, SAO_LUC, TRICH_SAO
    }

    /** A rectangle on the page in millimetres from the bottom-left corner. */
    record RectMm(double x, double y, double width, double height) {
        RectMm {
            if (x < 0 || y < 0 || width <= 0 || height <= 0) {
                throw new IllegalArgumentException("negative position or empty rectangle");
            }
        }
    }

    /** The layout asked for, or null for an invisible signature. */
    VisibleSignature toSpec() {
        List<String> layouts = new ArrayList<>();
        if (signatureImage != null && sealImage == null) {
            layouts.add("--signature-image");
        }
        if (sealImage != null) {
            layouts.add("--seal-image");
        }
        if (appendixNumber != null) {
            layouts.add("--appendix-number");
        }
        if (copy != null || copyAgency != null) {
            layouts.add("--copy");
        }
        if (layouts.isEmpty()) {
            if (visible || page != null || rect != null || anchor != null || sealDiameterMm != null) {
                throw new CliFailure(ExitCodes.ERROR, "visible.noLayout");
            }
            return null;
        }
        if (layouts.size() > 1) {
            throw new CliFailure(ExitCodes.ERROR, "visible.manyLayouts", String.join(", ", layouts));
        }
        return switch (layouts.get(0)) {
            case "--signature-image" -> personal();
            case "--seal-image" -> seal();
            case "--appendix-number" -> appendix();
            default -> copyStamp();
        };
    }

    private VisibleSignature personal() {
        requireImage(signatureImage, "--signature-image");
        Integer p = pageNumber();
        RectMm r = rectangle();
        requirePlacement(r);
        return LayoutMapping.personal(signatureImage, p, r, anchor);
    }

    private VisibleSignature seal() {
        requireImage(sealImage, "--seal-image");
        if (signatureImage != null) {
            requireImage(signatureImage, "--signature-image");
        }
        return LayoutMapping.seal(sealImage, diameter(), signatureImage, pageNumber(), rectangle(), anchor);
    }

    private VisibleSignature appendix() {
        if (appendixNumber.isBlank()) {
            throw new CliFailure(ExitCodes.ERROR, "visible.badValue", "--appendix-number", appendixNumber);
        }
        return LayoutMapping.appendix(appendixNumber.strip());
    }

    private VisibleSignature copyStamp() {
        if (copy == null) {
            throw new CliFailure(ExitCodes.ERROR, "visible.copyKindMissing");
        }
        if (copyAgency == null || copyAgency.isBlank()) {
            throw new CliFailure(ExitCodes.ERROR, "visible.copyAgencyMissing");
        }
        CopyKind kind;
        try {
            kind = CopyKind.valueOf(copy.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCodes.ERROR, "visible.badValue", "--copy", copy);
        }
        return LayoutMapping.copy(kind, copyAgency.strip());
    }

    private void requirePlacement(RectMm r) {
        if (r == null && anchor == null) {
            throw new CliFailure(ExitCodes.ERROR, "visible.placementMissing");
        }
        if (r != null && anchor != null) {
            throw new CliFailure(ExitCodes.ERROR, "visible.placementTwice");
        }
    }

    private static void requireImage(Path image, String option) {
        if (!Files.isRegularFile(image) || !Files.isReadable(image)) {
            throw new CliFailure(ExitCodes.ERROR, "visible.imageNotFound", option, image);
        }
    }

    private Integer pageNumber() {
        if (page == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(page.strip());
            if (n < 1) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new CliFailure(ExitCodes.ERROR, "visible.badValue", "--page", page);
        }
    }

    private double diameter() {
        if (sealDiameterMm == null) {
            return 38;
        }
        try {
            double d = Double.parseDouble(sealDiameterMm.strip().replace(',', '.'));
            if (!(d >= 10 && d <= 100)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new CliFailure(ExitCodes.ERROR, "visible.badValue", "--seal-diameter-mm", sealDiameterMm);
        }
    }

    private RectMm rectangle() {
        if (rect == null) {
            return null;
        }
        String[] parts = rect.split(",");
        try {
            if (parts.length != 4) {
                throw new IllegalArgumentException();
            }
            return new RectMm(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()),
                    Double.parseDouble(parts[2].strip()), Double.parseDouble(parts[3].strip()));
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCodes.ERROR, "visible.badValue", "--rect", rect);
        }
    }
}
