package vn.kyso.server.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.kyso.server.security.KysoUser;
import vn.kyso.server.signing.DocumentSigned.Channel;
import vn.kyso.signing.PadesLevel;

/**
 * Signing over the API (role OFFICER, see the security rules): multipart requests in, signed PDF
 * (or a zip) out. Thin: every check is in {@link DocumentSigning} and {@link SigningCertificates}.
 */
@RestController
@RequestMapping("/api/v1/signatures")
@Tag(name = "signing", description = "Sign PDFs with your certificate held in kyso's key custody")
class SignatureApi {

    static final MediaType ZIP = MediaType.parseMediaType("application/zip");
    /** The header that may carry a key activation token instead of the {@code activation} field. */
    static final String ACTIVATION_HEADER = "Kyso-Activation";

    private final DocumentSigning signing;
    private final TwoStepSigning twoStep;
    private final SigningCertificates certificates;
    private final SigningImages images;
    private final RemoteKeys remoteKeys;

    SignatureApi(DocumentSigning signing, TwoStepSigning twoStep, SigningCertificates certificates,
            SigningImages images, RemoteKeys remoteKeys) {
        this.signing = signing;
        this.twoStep = twoStep;
        this.certificates = certificates;
        this.images = images;
        this.remoteKeys = remoteKeys;
    }

    @Operation(summary = "Sign one PDF", description = "Fields: file, pin (or activation: a token from POST "
            + "/api/v1/signatures/activations, also accepted as the Kyso-Activation header), certificate (serial hex; "
            + "optional when you hold one valid certificate or give an activation), level (B, T, LT, LTA), and layout fields: image (PNG), page, x, y, "
            + "width, height (mm from the bottom-left corner) or anchor, anchorPage, anchorLine (NAME|TITLE).")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<byte[]> sign(@AuthenticationPrincipal KysoUser user, @RequestParam("file") MultipartFile file,
            @RequestParam(name = "pin", required = false) String pin, @RequestParam(name = "activation", required = false)
            String activation, @RequestHeader(name = ACTIVATION_HEADER, required = false) String activationHeader,
            @RequestParam(name = "certificate", required = false) String certificate,
            @RequestParam(name = "level", required = false) String level, @ModelAttribute LayoutForm layout) {
        return one(user, SigningStep.SIGN, file, credentials(pin, activation, activationHeader), certificate, level,
                layout);
    }

    @Operation(summary = "Sign several PDFs (several `file` parts) with one PIN entry or activation; returns a zip",
            description = "An activation must have a signature left for every file; all are signed or none.")
    @PostMapping(path = "/batch", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<byte[]> batch(@AuthenticationPrincipal KysoUser user, @RequestParam("file") List<MultipartFile> files,
            @RequestParam(name = "pin", required = false) String pin, @RequestParam(name = "activation", required = false)
            String activation, @RequestHeader(name = ACTIVATION_HEADER, required = false) String activationHeader,
            @RequestParam(name = "certificate", required = false) String certificate,
            @RequestParam(name = "level", required = false) String level, @ModelAttribute LayoutForm layout) {
        List<Upload> uploads = new ArrayList<>();
        files.forEach(f -> uploads.add(upload(f)));
        Credentials credentials = credentials(pin, activation, activationHeader);
        List<SignedDocument> signed = signing.sign(user, Channel.API, new SigningOrder(SigningStep.SIGN, certificate,
                credentials.pin(), level(level), layout.toLayout(), credentials.activation()), uploads);
        return zip(signed);
    }

    @Operation(summary = "Clerk: issue a signed document (agency seal over the leader's signature)",
            description = "Fields: file, pin, certificate (agency), documentNumber, documentDate (yyyy-mm-dd), "
                    + "optional sealImage, sealDiameterMm, page (or page, x, y for the seal's centre). The document "
                    + "must already carry a valid personal signature.")
    @PostMapping(path = "/issue", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<byte[]> issue(@AuthenticationPrincipal KysoUser user, @RequestParam("file") MultipartFile file,
            @RequestParam(name = "pin", required = false) String pin, @RequestParam(name = "activation", required = false)
            String activation, @RequestHeader(name = ACTIVATION_HEADER, required = false) String activationHeader,
            @RequestParam(name = "certificate", required = false) String certificate,
            @RequestParam(name = "level", required = false) String level, @ModelAttribute LayoutForm layout) {
        return one(user, SigningStep.ISSUE, file, credentials(pin, activation, activationHeader), certificate, level,
                layout);
    }

    @Operation(summary = "Clerk: agency text signature on an appendix file (field documentNumber)")
    @PostMapping(path = "/appendix", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<byte[]> appendix(@AuthenticationPrincipal KysoUser user, @RequestParam("file") MultipartFile file,
            @RequestParam(name = "pin", required = false) String pin, @RequestParam(name = "activation", required = false)
            String activation, @RequestHeader(name = ACTIVATION_HEADER, required = false) String activationHeader,
            @RequestParam(name = "certificate", required = false) String certificate,
            @RequestParam(name = "level", required = false) String level, @ModelAttribute LayoutForm layout) {
        return one(user, SigningStep.APPENDIX, file, credentials(pin, activation, activationHeader), certificate, level,
                layout);
    }

    @Operation(summary = "Clerk: agency text signature on a copy (fields copyKind SAO_Y|SAO_LUC|TRICH_SAO, copyingAgency)")
    @PostMapping(path = "/copy", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<byte[]> copy(@AuthenticationPrincipal KysoUser user, @RequestParam("file") MultipartFile file,
            @RequestParam(name = "pin", required = false) String pin, @RequestParam(name = "activation", required = false)
            String activation, @RequestHeader(name = ACTIVATION_HEADER, required = false) String activationHeader,
            @RequestParam(name = "certificate", required = false) String certificate,
            @RequestParam(name = "level", required = false) String level, @ModelAttribute LayoutForm layout) {
        return one(user, SigningStep.COPY, file, credentials(pin, activation, activationHeader), certificate, level,
                layout);
    }

    @Operation(summary = "Two-step signing, first half: the hash to sign with a key kyso does not hold",
            description = "Fields: file, level, layout fields, and either certificateChain (PEM, signer first: you "
                    + "sign the hash and send the value to /complete) or a key on a remote-signing service "
                    + "(remoteService: an id from /remote-services, credential, and remoteUser with remotePassword, "
                    + "or remoteToken: /complete then takes the key's PIN instead of a signature value).")
    @PostMapping(path = "/prepare", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    TwoStepSigning.Prepared prepare(@AuthenticationPrincipal KysoUser user, @RequestParam("file") MultipartFile file,
            @RequestParam(name = "certificateChain", required = false) String chain,
            @RequestParam(name = "level", required = false) String level, @ModelAttribute LayoutForm layout,
            @ModelAttribute RemoteForm remote) {
        if (remote.requested() == (chain != null && !chain.isBlank())) {
            throw new SigningRefusedException(SigningRefusedException.Reason.INVALID_FIELD,
                    "certificateChain or remoteService", "certificateChain | remoteService");
        }
        if (remote.requested()) {
            return twoStep.prepareRemote(user, upload(file), remote.login(), level(level), layout.toLayout());
        }
        return twoStep.prepare(user, upload(file), chain, level(level), layout.toLayout());
    }

    @Operation(summary = "Two-step signing, second half: the signature value (base64) for a handle, or the PIN "
            + "of the remote key the handle was prepared for")
    @PostMapping(path = "/complete", consumes = {MediaType.MULTIPART_FORM_DATA_VALUE,
            MediaType.APPLICATION_FORM_URLENCODED_VALUE})
    ResponseEntity<byte[]> complete(@AuthenticationPrincipal KysoUser user, @RequestParam("handle") String handle,
            @RequestParam(name = "signature", required = false) String signature,
            @RequestParam(name = "pin", required = false) String pin) {
        boolean bySignature = signature != null && !signature.isBlank();
        if (bySignature == (pin != null && !pin.isEmpty())) {
            throw new SigningRefusedException(SigningRefusedException.Reason.INVALID_FIELD, "signature or pin",
                    "signature | pin");
        }
        if (!bySignature) {
            return pdf(twoStep.completeRemote(user, handle, pin.toCharArray(), Channel.API));
        }
        byte[] value = Base64.getDecoder().decode(signature.strip());
        return pdf(twoStep.complete(user, handle, value, Channel.API));
    }

    @Operation(summary = "Sign one or several PDFs with your key on a remote-signing service (CSC API v2)",
            description = "Fields: file (one or several), remoteService (an id from /remote-services), credential, "
                    + "remoteUser with remotePassword, or remoteToken, pin (the remote key's PIN, given to that "
                    + "service "
                    + "only), level and layout fields. One file: the signed PDF; several: a zip, all signed or none.")
    @PostMapping(path = "/remote", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<byte[]> remote(@AuthenticationPrincipal KysoUser user,
            @RequestParam("file") List<MultipartFile> files,
            @RequestParam(name = "pin", required = false) String pin,
            @RequestParam(name = "level", required = false) String level, @ModelAttribute LayoutForm layout,
            @ModelAttribute RemoteForm remote) {
        List<SignedDocument> signed = signRemote(twoStep, user, files, remote, pin, level, layout, Channel.API);
        return signed.size() == 1 ? pdf(signed.get(0)) : zip(signed);
    }

    @Operation(summary = "The remote-signing services (CSC API v2) you may sign with: id, name, URL")
    @GetMapping("/remote-services")
    List<RemoteKeys.Service> remoteServices() {
        return remoteKeys.services();
    }

    /** The console's and the API's one-request remote signing: the non-empty files, the form's login. */
    static List<SignedDocument> signRemote(TwoStepSigning twoStep, KysoUser user, List<MultipartFile> files,
            RemoteForm remote, String pin, String level, LayoutForm layout, Channel channel) {
        List<Upload> uploads = new ArrayList<>();
        files.stream().filter(f -> !f.isEmpty()).forEach(f -> uploads.add(upload(f)));
        return twoStep.signRemote(user, uploads, remote.login(), pin == null ? new char[0] : pin.toCharArray(),
                level(level), layout.toLayout(), channel);
    }

    @Operation(summary = "The certificates you may sign with now")
    @GetMapping("/certificates")
    List<UsableCertificate> certificates(@AuthenticationPrincipal KysoUser user) {
        return certificates.usableBy(user);
    }

    @Operation(summary = "Store your handwritten-signature image (transparent PNG), used when a request brings none")
    @PutMapping(path = "/image", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Void> storeImage(@AuthenticationPrincipal KysoUser user, @RequestParam("image") MultipartFile image) {
        images.storeSignatureImage(user, LayoutForm.bytes(image));
        return ResponseEntity.noContent().build();
    }

    private ResponseEntity<byte[]> one(KysoUser user, SigningStep step, MultipartFile file, Credentials credentials,
            String certificate, String level, LayoutForm layout) {
        SigningOrder order = new SigningOrder(step, certificate, credentials.pin(), level(level), layout.toLayout(),
                credentials.activation());
        return pdf(signing.sign(user, Channel.API, order, List.of(upload(file))).get(0));
    }

    /** The PIN, or a key activation from the field or the header (the field wins when both are given). */
    private record Credentials(char[] pin, String activation) {
    }

    private static Credentials credentials(String pin, String activation, String header) {
        String token = activation != null && !activation.isBlank() ? activation : header;
        return new Credentials(pin == null ? new char[0] : pin.toCharArray(), token);
    }

    static PadesLevel level(String level) {
        return level == null || level.isBlank() ? null : PadesLevel.parse(level);
    }

    static Upload upload(MultipartFile file) {
        return new Upload(file.getOriginalFilename(), LayoutForm.bytes(file));
    }

    static ResponseEntity<byte[]> pdf(SignedDocument document) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.filename(), StandardCharsets.UTF_8).build().toString())
                .body(document.pdf());
    }

    static ResponseEntity<byte[]> zip(List<SignedDocument> documents) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            Set<String> names = new HashSet<>();
            for (SignedDocument d : documents) {
                String name = d.filename();
                for (int i = 2; !names.add(name); i++) {
                    name = d.filename().replaceFirst("\\.pdf$", "-" + i + ".pdf");
                }
                zip.putNextEntry(new ZipEntry(name));
                zip.write(d.pdf());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a zip in memory", e);
        }
        return ResponseEntity.ok().contentType(ZIP)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("signed.zip").build().toString())
                .body(bytes.toByteArray());
    }
}
