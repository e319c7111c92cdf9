package vn.kyso.server.signing;

/** A document as uploaded: its name (for the download's name) and its bytes, never stored. */
public record Upload(String filename, byte[] content) {

    public Upload {
        filename = filename == null || filename.isBlank() ? "document.pdf" : filename.strip();
        content = content == null ? new byte[0] : content;
    }

    /** The name of the signed file: {@code name-signed.pdf}, without any path the client sent. */
    public String signedName() {
        String name = filename.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\r\\n\"]", "_");
        String base = name.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf") ? name.substring(0, name.length() - 4) : name;
        return (base.isBlank() ? "document" : base) + "-signed.pdf";
    }
}
