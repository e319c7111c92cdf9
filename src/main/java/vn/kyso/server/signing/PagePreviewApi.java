package vn.kyso.server.signing;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * What the signing page's script asks while the officer places the signature: the pages' sizes
 * and one page as a PNG, rendered by PDFBox from the file the browser posts again (the server
 * keeps nothing between requests). Errors are problems, like the API's.
 */
@RestController
class PagePreviewApi {

    private final PdfPages pages;
    private final SigningProperties properties;

    PagePreviewApi(PdfPages pages, SigningProperties properties) {
        this.pages = pages;
        this.properties = properties;
    }

    @PostMapping(path = "/sign/pages", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    List<PdfPages.PageSize> sizes(@RequestParam("file") MultipartFile file) {
        return pages.inspect(LayoutForm.bytes(file));
    }

    @PostMapping(path = "/sign/pages/{number}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE,
            produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> page(@RequestParam("file") MultipartFile file, @PathVariable int number) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG)
                .body(pages.render(LayoutForm.bytes(file), number, properties.previewDpi()));
    }
}
