package vn.kyso.ca.issuance;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

import vn.kyso.ca.CaException;
import vn.kyso.ca.hierarchy.SigningCredential;

/** Parses a PKCS#10 request, checks its signature (proof of possession) and its key's strength. */
final class CsrCheck {

    private CsrCheck() {
    }

    /** The request's public key, once everything about it is acceptable. */
    static PublicKey publicKey(byte[] csr) {
        JcaPKCS10CertificationRequest request;
        try {
            request = new JcaPKCS10CertificationRequest(der(csr)).setProvider(SigningCredential.FAST_EC);
        } catch (Exception e) {
            throw new CaException(CaException.ErrorCode.MALFORMED_CSR, "the certificate request is not a PKCS#10 request");
        }
        PublicKey key;
        boolean valid;
        try {
            key = request.getPublicKey();
            ContentVerifierProvider verifier = new JcaContentVerifierProviderBuilder()
                    .setProvider(SigningCredential.FAST_EC).build(key);
            valid = request.isSignatureValid(verifier);
        } catch (PKCSException e) {
            valid = false;
            key = null;
        } catch (Exception e) {
            throw new CaException(CaException.ErrorCode.MALFORMED_CSR,
                    "the certificate request's key or signature algorithm cannot be read");
        }
        if (!valid) {
            throw new CaException(CaException.ErrorCode.CSR_SIGNATURE_INVALID,
                    "the certificate request's signature does not match its public key");
        }
        checkStrength(key);
        return key;
    }

    /** Circular 15/2025/TT-BKHCN: RSA at least 2048 bits, ECDSA at least 256. */
    static void checkStrength(PublicKey key) {
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() >= 2048) {
            return;
        }
        if (key instanceof ECPublicKey ec && ec.getParams().getCurve().getField().getFieldSize() >= 256) {
            return;
        }
        throw new CaException(CaException.ErrorCode.UNSUPPORTED_KEY,
                "the key must be RSA of at least 2048 bits or ECDSA of at least 256 bits");
    }

    /** Accepts DER, or PEM with the usual armour. */
    private static byte[] der(byte[] csr) {
        String head = new String(csr, 0, Math.min(csr.length, 40), StandardCharsets.US_ASCII);
        if (!head.contains("-----BEGIN")) {
            return csr;
        }
        String pem = new String(csr, StandardCharsets.US_ASCII);
        String body = pem.replaceAll("-----(BEGIN|END)[^-]*-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }
}
