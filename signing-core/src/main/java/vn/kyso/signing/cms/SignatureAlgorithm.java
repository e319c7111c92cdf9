package vn.kyso.signing.cms;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.EnumMap;
import java.util.Map;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

import vn.kyso.signing.DigestAlgorithm;
import vn.kyso.signing.SignatureScheme;
import vn.kyso.signing.SigningException;

/**
 * A signature scheme with its digest: the CMS identifiers and the JCA names. The identifiers
 * are built once per pair (they are immutable) so signing does not rebuild them per call.
 */
public record SignatureAlgorithm(SignatureScheme scheme, DigestAlgorithm digest, AlgorithmIdentifier identifier,
        AlgorithmIdentifier digestIdentifier) {

    private static final Map<SignatureScheme, Map<DigestAlgorithm, SignatureAlgorithm>> CACHE =
            new EnumMap<>(SignatureScheme.class);

    static {
        for (SignatureScheme s : SignatureScheme.values()) {
            Map<DigestAlgorithm, SignatureAlgorithm> byDigest = new EnumMap<>(DigestAlgorithm.class);
            for (DigestAlgorithm d : DigestAlgorithm.values()) {
                byDigest.put(d, new SignatureAlgorithm(s, d, identifierOf(s, d), new AlgorithmIdentifier(d.oid())));
            }
            CACHE.put(s, byDigest);
        }
    }

    /** The (cached) algorithm for this scheme and digest. */
    public static SignatureAlgorithm of(SignatureScheme scheme, DigestAlgorithm digest) {
        return CACHE.get(scheme).get(digest);
    }

    /** A fresh JCA Signature for this algorithm (Signature objects are not thread-safe). */
    public Signature newSignature(Provider provider) throws GeneralSecurityException {
        Signature s = provider == null ? Signature.getInstance(jcaName()) : Signature.getInstance(jcaName(), provider);
        return withPssParameters(s);
    }

    private Signature withPssParameters(Signature s) throws GeneralSecurityException {
        if (scheme == SignatureScheme.RSA_PSS) {
            s.setParameter(pssSpec(digest));
        }
        return s;
    }

    /**
     * Signs {@code data} with a JCA private key; {@code provider} null picks the JDK default,
     * except that software EC keys sign with Bouncy Castle: its fixed-point comb makes ECDSA about
     * twice as fast as the JDK 17 SunEC provider, and ECDSA is the largest cost of a B-B signature.
     */
    public byte[] sign(PrivateKey key, Provider provider, byte[] data) {
        try {
            Signature s = provider == null && scheme == SignatureScheme.ECDSA && key instanceof ECPrivateKey
                    && key.getEncoded() != null
                    ? withPssParameters(Signature.getInstance(jcaName(), BouncyCastle.PROVIDER))
                    : newSignature(provider);
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new SigningException(SigningException.ErrorCode.KEY_UNAVAILABLE,
                    "the key could not sign with " + jcaName() + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** One Bouncy Castle provider instance for the process, created on first use and never registered globally. */
    private static final class BouncyCastle {
        static final Provider PROVIDER = new org.bouncycastle.jce.provider.BouncyCastleProvider();
    }

    /** The JCA algorithm name. */
    public String jcaName() {
        String d = digest.name();
        return switch (scheme) {
            case RSA_PKCS1_V15 -> d + "withRSA";
            case RSA_PSS -> "RSASSA-PSS";
            case ECDSA -> d + "withECDSA";
        };
    }

    private static PSSParameterSpec pssSpec(DigestAlgorithm d) {
        MGF1ParameterSpec mgf = switch (d) {
            case SHA256 -> MGF1ParameterSpec.SHA256;
            case SHA384 -> MGF1ParameterSpec.SHA384;
            case SHA512 -> MGF1ParameterSpec.SHA512;
        };
        return new PSSParameterSpec(d.jcaName(), "MGF1", mgf, d.length(), PSSParameterSpec.TRAILER_FIELD_BC);
    }

    private static AlgorithmIdentifier identifierOf(SignatureScheme s, DigestAlgorithm d) {
        return switch (s) {
            case RSA_PKCS1_V15 -> new AlgorithmIdentifier(switch (d) {
                case SHA256 -> PKCSObjectIdentifiers.sha256WithRSAEncryption;
                case SHA384 -> PKCSObjectIdentifiers.sha384WithRSAEncryption;
                case SHA512 -> PKCSObjectIdentifiers.sha512WithRSAEncryption;
            }, DERNull.INSTANCE);
            case ECDSA -> new AlgorithmIdentifier(switch (d) {
                case SHA256 -> X9ObjectIdentifiers.ecdsa_with_SHA256;
                case SHA384 -> X9ObjectIdentifiers.ecdsa_with_SHA384;
                case SHA512 -> X9ObjectIdentifiers.ecdsa_with_SHA512;
            });
            case RSA_PSS -> {
                AlgorithmIdentifier hash = new AlgorithmIdentifier(d.oid(), DERNull.INSTANCE);
                AlgorithmIdentifier mgf = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_mgf1, hash);
                yield new AlgorithmIdentifier(PKCSObjectIdentifiers.id_RSASSA_PSS,
                        new RSASSAPSSparams(hash, mgf, new ASN1Integer(d.length()), new ASN1Integer(1)));
            }
        };
    }
}
