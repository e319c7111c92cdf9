package vn.kyso.usage.ingest;

import java.nio.file.Path;
import java.util.List;

import vn.kyso.usage.IngestResult.SkipReason;

/** Finds the signatures of one PDF. The seam where signing-core's verifier plugs in. */
public interface SignatureExtractor {

    /** The document's signatures (document timestamps excluded), in file order. */
    List<FoundSignature> extract(Path pdf) throws UnreadableDocument;

    /** The file is not a PDF we can read. */
    final class UnreadableDocument extends Exception {
        private static final long serialVersionUID = 1L;
        private final SkipReason reason;

        public UnreadableDocument(SkipReason reason, String message, Throwable cause) {
            super(message, cause);
            this.reason = reason;
        }

        public SkipReason reason() {
            return reason;
        }
    }
}
