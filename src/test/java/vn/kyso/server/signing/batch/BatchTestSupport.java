package vn.kyso.server.signing.batch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/** What the batch tests share: test PDFs, multipart bodies with several files, zips, hashes. */
final class BatchTestSupport {

    static final String PIN = "246810";
    private static final SecureRandom RANDOM = new SecureRandom();

    private BatchTestSupport() {
    }

    /** A multipart body. */
    record Multipart(String contentType, byte[] body) {
    }

    /** Text fields, then {@code documents} as parts named {@code file} ({@code doc<i>.pdf}). */
    static Multipart multipart(Map<String, String> fields, List<byte[]> documents) {
        String boundary = "kyso-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((key, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + key + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        for (int i = 0; i < documents.size(); i++) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"doc" + i
                    + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(documents.get(i));
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return new Multipart("multipart/form-data; boundary=" + boundary, body.toByteArray());
    }

    /** {@code n} one-page PDFs (each its own file, so each hashes differently once signed). */
    static List<byte[]> pdfs(int n) {
        byte[] one = onePagePdf();
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> one).toList();
    }

    static byte[] onePagePdf() {
        return vn.kyso.server.signing.SigningTestSupport.onePagePdf();
    }

    /** The entries of a zip, name to content, in order. */
    static Map<String, byte[]> unzip(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String twelveDigits() {
        StringBuilder s = new StringBuilder("0");
        while (s.length() < 12) {
            s.append(RANDOM.nextInt(10));
        }
        return s.toString();
    }
}
