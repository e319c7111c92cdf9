package vn.kyso.server.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import picocli.CommandLine.Option;

import vn.kyso.signing.VisibleSignature;
import vn.kyso.signing.VisibleSignature.AgencySeal;
import vn.kyso.signing.VisibleSignature.AppendixStamp;
import vn.kyso.signing.VisibleSignature.CopyKind;
import vn.kyso.signing.VisibleSignature.CopyStamp;
import vn.kyso.signing.VisibleSignature.PersonalSignature;
import vn.kyso.signing.VisibleSignature.Placement;

/**
 * The {@code --visible} options of {@code kyso sign}, mapped onto signing-core's Decree 30/2020
 * layouts: the personal signature image, the agency seal over it, the appendix stamp and the copy
 * stamp. Any layout option implies {@code --visible}; more than one layout is a mistake.
 */
final class VisibleOptions {

    @Option(names = "--visible", descriptionKey = "option.visible")
    boolean visible;

    @Option(names = "--signature-image", paramLabel = "PNG", descriptionKey = "option.signature-image")
    Path signatureImage;

    @Option(names = "--with-signer-text", descriptionKey = "option.with-signer-text")
    boolean withSignerText;

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

    @Option(names = "--anchor-line", paramLabel = "name|title", descriptionKey = "option.anchor-line")
    String anchorLine;

    @Option(names = "--appendix-number", paramLabel = "SỐ/KÝ-HIỆU", descriptionKey = "option.appendix-number")
    String appendixNumber;

    @Option(names = "--copy", paramLabel = "SAO_Y|SAO_LUC|TRICH_SAO", descriptionKey = "option.copy")
    String copy;

    @Option(names = "--copy-agency", paramLabel = "NAME", descriptionKey = "option.copy-agency")
    String copyAgency;

    /** The layout asked for, or null for an invisible signature. */
    VisibleSignature toSpec() {
        List<String> layouts = new ArrayList<>();
        if (signatureImage != null) {
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
            case "--appendix-number" -> new AppendixStamp(required(appendixNumber, "--appendix-number"));
            default -> copyStamp();
        };
    }

    private VisibleSignature personal() {
        byte[] image = png(signatureImage, "--signature-image");
        if (rect == null && anchor == null) {
            throw new CliFailure(ExitCodes.ERROR, "visible.placementMissing");
        }
        if (rect != null && anchor != null) {
            throw new CliFailure(ExitCodes.ERROR, "visible.placementTwice");
        }
        Placement placement = rect != null ? area(page == null ? 1 : pageNumber())
                : new Placement.Anchor(anchor, page == null ? Placement.ANY_PAGE : pageNumber(), line());
        return new PersonalSignature(image, placement, withSignerText);
    }

    /** Over the last visible signature on the page (the usual case), or centred on {@code --rect}. */
    private VisibleSignature seal() {
        byte[] image = png(sealImage, "--seal-image");
        if (anchor != null) {
            throw new CliFailure(ExitCodes.ERROR, "visible.sealByAnchor");
        }
        int p = page == null ? (rect == null ? Placement.ANY_PAGE : 1) : pageNumber();
        Placement placement = rect != null ? area(p) : new Placement.OverSignature(p);
        return new AgencySeal(image, diameter(), placement);
    }

    private VisibleSignature copyStamp() {
        if (copy == null) {
            throw new CliFailure(ExitCodes.ERROR, "visible.copyKindMissing");
        }
        if (copyAgency == null || copyAgency.isBlank()) {
            throw new CliFailure(ExitCodes.ERROR, "visible.copyAgencyMissing");
        }
        try {
            CopyKind kind = CopyKind.valueOf(copy.strip().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_'));
            return new CopyStamp(kind, copyAgency);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(ExitCodes.ERROR, "visible.badValue", "--copy", copy);
        }
    }

    private static String required(String value, String option) {
        if (value.isBlank()) {
            throw new CliFailure(ExitCodes.ERROR, "visible.badValue", option, value);
        }
        return value;
    }

    private static byte[] png(Path image, String option) {
        try {
            byte[] bytes = Files.readAllBytes(image);
            if (bytes.length < 8 || bytes[1] != 'P' || bytes[2] != 'N' || bytes[3] != 'G') {
                throw new CliFailure(ExitCodes.ERROR, "visible.notPng", option, image);
            }
            return bytes;
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.ERROR, "visible.imageNotFound", option, image);
        }
    }

    private Placement.AnchorLine line() {
        if (anchorLine == null) {
            return Placement.AnchorLine.NAME;
        }
        return switch (anchorLine.strip().toLowerCase(Locale.ROOT)) {
            case "name" -> Placement.AnchorLine.NAME;
            case "title" -> Placement.AnchorLine.TITLE;
            default -> throw new CliFailure(ExitCodes.ERROR, "visible.badValue", "--anchor-line", anchorLine);
        };
    }

    private int pageNumber() {
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
            return AgencySeal.DEFAULT_DIAMETER_MM;
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

    /** {@code --rect x,y,w,h} in millimetres on page {@code p}. */
    private Placement.Area area(int p) {
        String[] parts = rect.split(",");
        try {
            if (parts.length != 4) {
                throw new NumberFormatException();
            }
            double[] v = new double[4];
            for (int i = 0; i < 4; i++) {
                v[i] = Double.parseDouble(parts[i].strip());
            }
            if (v[0] < 0 || v[1] < 0 || !(v[2] > 0) || !(v[3] > 0)) {
                throw new NumberFormatException();
            }
            return Placement.Area.ofMillimetres(p, v[0], v[1], v[2], v[3]);
        } catch (NumberFormatException e) {
            throw new CliFailure(ExitCodes.ERROR, "visible.badValue", "--rect", rect);
        }
    }
}
