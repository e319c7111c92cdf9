package vn.kyso.ca.keys;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;

import vn.kyso.ca.CaException;
import vn.kyso.ca.KeyAlgorithm;

/** Generates key pairs of a {@link KeyAlgorithm}, with a given provider or the JDK's. */
public final class KeyPairs {

    private KeyPairs() {
    }

    public static KeyPair generate(KeyAlgorithm algorithm, Provider provider, SecureRandom random) {
        try {
            KeyPairGenerator generator = provider == null
                    ? KeyPairGenerator.getInstance(algorithm.jcaName())
                    : KeyPairGenerator.getInstance(algorithm.jcaName(), provider);
            if (algorithm.curve() != null) {
                generator.initialize(new ECGenParameterSpec(algorithm.curve()), random);
            } else {
                generator.initialize(new RSAKeyGenParameterSpec(algorithm.bits(), RSAKeyGenParameterSpec.F4), random);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new CaException(CaException.ErrorCode.CRYPTO_ERROR, "cannot generate a " + algorithm + " key", e);
        }
    }
}
