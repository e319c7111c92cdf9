package vn.kyso.ca.issuance;

import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Null;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.ContentVerifierProvider;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

import vn.kyso.ca.CaException;
import vn.kyso.ca.hierarchy.SigningCredential;
import vn.kyso.signing.crypto.NativeCrypto;

/**
 * Parses a PKCS#10 request, checks its signature (proof of possession) and its key's strength.
 * The signature is checked natively when native crypto is on (an ECDSA verification in Java costs
 * more than the rest of an issuance); Bouncy Castle checks what the native provider cannot read
 * and confirms what it refuses.
 */
final class CsrCheck {

    private static final Map<ASN1ObjectIdentifier, String> NATIVE_ALGORITHMS = Map.of(
            X9ObjectIdentifiers.ecdsa_with_SHA256, "SHA256withECDSA",
            X9ObjectIdentifiers.ecdsa_with_SHA384, "SHA384withECDSA",
            X9ObjectIdentifiers.ecdsa_with_SHA512, "SHA512withECDSA",
            PKCSObjectIdentifiers.sha256WithRSAEncryption, "SHA256withRSA",
            PKCSObjectIdentifiers.sha384WithRSAEncryption, "SHA384withRSA",
            PKCSObjectIdentifiers.sha512WithRSAEncryption, "SHA512withRSA");

    private final Provider nativeProvider;

    CsrCheck(NativeCrypto crypto) {
        this.nativeProvider = crypto.provider().orElse(null);
    }

    /** The request's public key, once everything about it is acceptable. */
    PublicKey publicKey(byte[] csr) {
        JcaPKCS10CertificationRequest request;
        try {
            request = new JcaPKCS10CertificationRequest(der(csr));
        } catch (Exception e) {
            throw new CaException(CaException.ErrorCode.MALFORMED_CSR, "the certificate request is not a PKCS#10 request");
        }
        Verified verified = null;
        if (nativeProvider != null) {
            verified = verifyNatively(request, nativeProvider);
        }
        if (verified == null || !verified.valid()) {
            // only a match is taken from the native provider: a refusal is confirmed by Bouncy
            // Castle, which reads every parameter set (AWS-LC refuses some valid RSASSA-PSS requests)
            verified = verify(request, SigningCredential.FAST_EC);
        }
        if (verified == null) {
            throw new CaException(CaException.ErrorCode.MALFORMED_CSR,
                    "the certificate request's key or signature algorithm cannot be read");
        }
        PublicKey key = verified.key();
        if (!verified.valid()) {
            throw new CaException(CaException.ErrorCode.CSR_SIGNATURE_INVALID,
                    "the certificate request's signature does not match its public key");
        }
        checkStrength(key);
        return key;
    }

    /** The key and whether the signature matches it; null when the provider cannot read the key or algorithm. */
    private static Verified verify(JcaPKCS10CertificationRequest request, Provider provider) {
        try {
            PublicKey key = request.setProvider(provider).getPublicKey();
            ContentVerifierProvider verifier = new JcaContentVerifierProviderBuilder().setProvider(provider).build(key);
            return new Verified(key, request.isSignatureValid(verifier));
        } catch (PKCSException e) {
            return new Verified(null, false);
        } catch (Exception e) {
            return null;
        }
    }

    /**
     * The common algorithms (ECDSA, RSA PKCS#1 v1.5 with SHA-2) checked with one native signature
     * object; null for any other algorithm. Bouncy Castle's verifier wrapper verifies each ECDSA
     * signature twice (once more to reset its raw signature), which doubled an issuance's cost.
     */
    private static Verified verifyNatively(JcaPKCS10CertificationRequest request, Provider provider) {
        String algorithm = NATIVE_ALGORITHMS.get(request.getSignatureAlgorithm().getAlgorithm());
        if (algorithm == null || request.getSignatureAlgorithm().getParameters() != null
                && !(request.getSignatureAlgorithm().getParameters() instanceof ASN1Null)) {
            return null;
        }
        try {
            PublicKey key = request.setProvider(provider).getPublicKey();
            Signature signature = Signature.getInstance(algorithm, provider);
            signature.initVerify(key);
            signature.update(request.toASN1Structure().getCertificationRequestInfo().getEncoded(ASN1Encoding.DER));
            return new Verified(key, signature.verify(request.getSignature()));
        } catch (SignatureException e) {
            return new Verified(null, false); // a signature value that is not even well-formed
        } catch (Exception e) {
            return null;
        }
    }

    private record Verified(PublicKey key, boolean valid) {
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
