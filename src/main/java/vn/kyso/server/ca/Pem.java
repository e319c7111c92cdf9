package vn.kyso.server.ca;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.kyso.ca.CaException;

/** PEM text for certificates going out, and DER from the PEM or base64 that clients send. */
final class Pem {

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----",
            Pattern.DOTALL);

    private Pem() {
    }

    static String certificate(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    /** DER of a certificate request given as PEM ({@code CERTIFICATE REQUEST}) or bare base64. */
    static byte[] csr(String text) {
        if (text == null || text.isBlank()) {
            throw new CaException(CaException.ErrorCode.MALFORMED_CSR, "the certificate request is empty");
        }
        Matcher block = BLOCK.matcher(text);
        String base64 = block.find() ? block.group(2) : text;
        try {
            return Base64.getMimeDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new CaException(CaException.ErrorCode.MALFORMED_CSR, "the certificate request is neither PEM nor base64");
        }
    }
}
