package vn.kyso.server.csc;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Map;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSASSAPSSparams;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DigestInfo;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

import vn.kyso.server.csc.CscException.Error;

/**
 * Signs hashes computed elsewhere (the CSC {@code signHash}), as the spec names the algorithms:
 * {@code signAlgo} an OID of RSA PKCS#1 v1.5, RSASSA-PSS (its parameters in {@code signAlgoParams})
 * or ECDSA, with or without the hash in it, and {@code hashAlgo} the hash's OID when the
 * signature algorithm does not name it. The result is the raw signature value (ECDSA: DER).
 */
final class HashSigner {

    static final String RSA = "1.2.840.113549.1.1.1";
    static final String RSA_PSS = "1.2.840.113549.1.1.10";
    static final String EC = "1.2.840.10045.2.1";
    static final String SHA256 = "2.16.840.1.101.3.4.2.1";
    static final String SHA384 = "2.16.840.1.101.3.4.2.2";
    static final String SHA512 = "2.16.840.1.101.3.4.2.3";

    /** Hash OID → (JCA name, length in bytes). */
    private static final Map<String, Hash> HASHES = Map.of(
            SHA256, new Hash("SHA-256", 32),
            SHA384, new Hash("SHA-384", 48),
            SHA512, new Hash("SHA-512", 64));
    /** Signature algorithms that name their hash → (key family, hash OID). */
    private static final Map<String, String[]> WITH_HASH = Map.of(
            "1.2.840.113549.1.1.11", new String[] {RSA, SHA256},
            "1.2.840.113549.1.1.12", new String[] {RSA, SHA384},
            "1.2.840.113549.1.1.13", new String[] {RSA, SHA512},
            "1.2.840.10045.4.3.2", new String[] {EC, SHA256},
            "1.2.840.10045.4.3.3", new String[] {EC, SHA384},
            "1.2.840.10045.4.3.4", new String[] {EC, SHA512});
    // raw RSASSA-PSS over a given hash is Bouncy Castle's; the JDK has no such algorithm
    private static final Provider BC = new BouncyCastleProvider();

    private record Hash(String jcaName, int length) {
    }

    /** What {@code signHash} asked for, checked against the key before any hash is signed. */
    record Algorithm(String family, String hashOid, byte[] pssParams) {
    }

    private HashSigner() {
    }

    /** Resolves and checks the request's algorithm for this key; refuses what kyso cannot sign. */
    static Algorithm algorithm(String signAlgo, String hashAlgo, byte[] signAlgoParams, PrivateKeyFamily key) {
        if (signAlgo == null || signAlgo.isBlank()) {
            throw new CscException(Error.INVALID_REQUEST, "Missing (or invalid type) string parameter signAlgo");
        }
        String family;
        String hash = hashAlgo == null || hashAlgo.isBlank() ? null : hashAlgo.strip();
        String[] named = WITH_HASH.get(signAlgo.strip());
        if (named != null) {
            family = named[0];
            if (hash != null && !hash.equals(named[1])) {
                throw new CscException(Error.INVALID_REQUEST, "hashAlgorithmOID does not match signAlgo");
            }
            hash = named[1];
        } else if (signAlgo.strip().equals(RSA) || signAlgo.strip().equals(EC)) {
            family = signAlgo.strip();
        } else if (signAlgo.strip().equals(RSA_PSS)) {
            family = RSA_PSS;
            if (signAlgoParams != null) {
                hash = pssHash(signAlgoParams, hash);
            }
        } else {
            throw new CscException(Error.INVALID_REQUEST, "Invalid parameter signAlgo");
        }
        if (hash == null) {
            throw new CscException(Error.INVALID_REQUEST, "Missing (or invalid type) string parameter hashAlgorithmOID");
        }
        if (!HASHES.containsKey(hash)) {
            throw new CscException(Error.INVALID_REQUEST, "Invalid parameter hashAlgorithmOID");
        }
        boolean rsaAlgo = !family.equals(EC);
        if (rsaAlgo != (key == PrivateKeyFamily.RSA)) {
            throw new CscException(Error.INVALID_REQUEST, "signAlgo does not fit the credential's key");
        }
        return new Algorithm(family, hash, signAlgoParams);
    }

    /** The byte length of a hash for the algorithm, to refuse a hash of another size before signing. */
    static int hashLength(Algorithm algorithm) {
        return HASHES.get(algorithm.hashOid()).length();
    }

    /** Signs one hash; the hash's length was checked by the caller. */
    static byte[] sign(PrivateKey key, Algorithm algorithm, byte[] hash) {
        try {
            return switch (algorithm.family()) {
                case RSA -> {
                    Signature rsa = Signature.getInstance("NONEwithRSA");
                    rsa.initSign(key);
                    rsa.update(new DigestInfo(new AlgorithmIdentifier(new ASN1ObjectIdentifier(algorithm.hashOid()),
                            DERNull.INSTANCE), hash).getEncoded());
                    yield rsa.sign();
                }
                case RSA_PSS -> {
                    Signature pss = Signature.getInstance("RAWRSASSA-PSS", BC);
                    pss.setParameter(pssSpec(algorithm));
                    pss.initSign(key);
                    pss.update(hash);
                    yield pss.sign();
                }
                default -> {
                    Signature ecdsa = Signature.getInstance("NONEwithECDSA");
                    ecdsa.initSign(key);
                    ecdsa.update(hash);
                    yield ecdsa.sign();
                }
            };
        } catch (GeneralSecurityException | IOException e) {
            throw new CscException(Error.SERVER_ERROR, "the signature could not be made");
        }
    }

    /** The key's family, as the algorithm checks need it. */
    enum PrivateKeyFamily {
        RSA, EC;

        static PrivateKeyFamily of(Object key) {
            if (key instanceof RSAKey) {
                return RSA;
            }
            if (key instanceof ECKey) {
                return EC;
            }
            String algorithm = key instanceof java.security.Key k ? k.getAlgorithm() : "";
            return algorithm.startsWith("EC") ? EC : RSA;
        }
    }

    private static PSSParameterSpec pssSpec(Algorithm algorithm) throws IOException {
        String name = HASHES.get(algorithm.hashOid()).jcaName();
        int salt = HASHES.get(algorithm.hashOid()).length();
        if (algorithm.pssParams() != null) {
            RSASSAPSSparams params = RSASSAPSSparams.getInstance(algorithm.pssParams());
            salt = params.getSaltLength().intValueExact();
        }
        return new PSSParameterSpec(name, "MGF1", new MGF1ParameterSpec(name), salt, PSSParameterSpec.TRAILER_FIELD_BC);
    }

    /** The hash the PSS parameters name; MGF1 must use the same hash (what every verifier expects). */
    private static String pssHash(byte[] der, String asked) {
        try {
            RSASSAPSSparams params = RSASSAPSSparams.getInstance(der);
            String hash = params.getHashAlgorithm().getAlgorithm().getId();
            AlgorithmIdentifier mgf = params.getMaskGenAlgorithm();
            if (!mgf.getAlgorithm().equals(PKCSObjectIdentifiers.id_mgf1)
                    || !AlgorithmIdentifier.getInstance(mgf.getParameters()).getAlgorithm().getId().equals(hash)
                    || params.getTrailerField().intValueExact() != 1) {
                throw new CscException(Error.INVALID_REQUEST, "Invalid parameter signAlgoParams");
            }
            if (asked != null && !asked.equals(hash)) {
                throw new CscException(Error.INVALID_REQUEST, "hashAlgorithmOID does not match signAlgoParams");
            }
            return hash;
        } catch (IllegalArgumentException | IllegalStateException | ArithmeticException | NullPointerException e) {
            throw new CscException(Error.INVALID_REQUEST, "Invalid parameter signAlgoParams");
        }
    }
}
