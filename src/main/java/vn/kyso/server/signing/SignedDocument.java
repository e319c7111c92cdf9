package vn.kyso.server.signing;

import vn.kyso.signing.SignResult;

/** A signed PDF ready to go back to the caller (held in memory only for the response). */
public record SignedDocument(String filename, byte[] pdf, SignResult result) {
}
