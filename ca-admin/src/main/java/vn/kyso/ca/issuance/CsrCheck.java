package vn.kyso.ca.issuance;

import java.math.BigInteger;
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

    /** Curves a subscriber key may use: NIST P-256, P-384, P-521 by name (never explicit parameters). */
    private static final java.util.Set<ASN1ObjectIdentifier> CURVES = java.util.Set.of(
            org.bouncycastle.asn1.sec.SECObjectIdentifiers.secp256r1,
            org.bouncycastle.asn1.sec.SECObjectIdentifiers.secp384r1,
            org.bouncycastle.asn1.sec.SECObjectIdentifiers.secp521r1);
    private static final BigInteger MIN_EXPONENT = BigInteger.valueOf(65537);

    private final Provider nativeProvider;
    private final int maxRsaBits;

    CsrCheck(NativeCrypto crypto, int maxRsaBits) {
        this.nativeProvider = crypto.provider().orElse(null);
        this.maxRsaBits = maxRsaBits;
    }

    /** The request's public key, once everything about it is acceptable. */
    PublicKey publicKey(byte[] csr) {
        JcaPKCS10CertificationRequest request;
        try {
            request = new JcaPKCS10CertificationRequest(der(csr));
        } catch (Exception e) {
            throw new CaException(CaException.ErrorCode.MALFORMED_CSR, "the certificate request is not a PKCS#10 request");
        }
        // the key's policy before any verification with it: a 16,384-bit modulus or exponent 1 costs
        // or breaks the check itself (issue 13)
        checkPolicy(request.getSubjectPublicKeyInfo(), maxRsaBits);
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

    /**
     * Issue 13: RSA of 2048 to {@code maxRsaBits} bits with an odd public exponent of at least
     * 65537 (and at most 256 bits), or EC on a named curve of the allow-list.
     */
    static void checkPolicy(org.bouncycastle.asn1.x509.SubjectPublicKeyInfo spki, int maxRsaBits) {
        ASN1ObjectIdentifier algorithm = spki.getAlgorithm().getAlgorithm();
        try {
            if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
                org.bouncycastle.asn1.pkcs.RSAPublicKey rsa = org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(
                        spki.parsePublicKey());
                int bits = rsa.getModulus().bitLength();
                BigInteger e = rsa.getPublicExponent();
                if (bits < 2048 || bits > maxRsaBits) {
                    throw new CaException(CaException.ErrorCode.UNSUPPORTED_KEY,
                            "an RSA key must have 2048 to " + maxRsaBits + " bits, not " + bits);
                }
                if (!e.testBit(0) || e.compareTo(MIN_EXPONENT) < 0 || e.bitLength() > 256
                        || e.compareTo(rsa.getModulus()) >= 0) {
                    throw new CaException(CaException.ErrorCode.UNSUPPORTED_KEY,
                            "the RSA public exponent must be odd, at least 65537 and at most 256 bits");
                }
                return;
            }
            if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
                if (!(spki.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier curve) || !CURVES.contains(curve)) {
                    throw new CaException(CaException.ErrorCode.UNSUPPORTED_KEY,
                            "an EC key must be on P-256, P-384 or P-521, named");
                }
                return;
            }
        } catch (java.io.IOException | IllegalArgumentException e) {
            throw new CaException(CaException.ErrorCode.MALFORMED_CSR, "the certificate request's key cannot be read");
        }
        // other algorithms: left to the strength check, which refuses them
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
