package vn.kyso.ca.custody;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import vn.kyso.ca.CaException;

/**
 * Two AES-256-GCM layers over a PKCS#8 key: the inner under a key derived from the PIN with
 * Argon2id (memory-hard, so a stolen database resists PIN guessing), the outer under the
 * server master key (so the database alone, even with the PIN, opens nothing).
 */
final class KeySeal {

    private static final int IV = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey masterKey;
    private final Provider masterProvider;
    private final SecureRandom random;

    KeySeal(SecretKey masterKey, Provider masterProvider, SecureRandom random) {
        this.masterKey = masterKey;
        this.masterProvider = masterProvider;
        this.random = random;
    }

    /** Argon2id cost as stored beside each key, so it can be raised later for new keys. */
    record KdfParams(int memoryKib, int iterations, int parallelism) {
        String encode() {
            return "argon2id;v=19;m=" + memoryKib + ";t=" + iterations + ";p=" + parallelism;
        }

        static KdfParams decode(String s) {
            int m = 0;
            int t = 0;
            int p = 0;
            for (String part : s.split(";")) {
                if (part.startsWith("m=")) {
                    m = Integer.parseInt(part.substring(2));
                } else if (part.startsWith("t=")) {
                    t = Integer.parseInt(part.substring(2));
                } else if (part.startsWith("p=")) {
                    p = Integer.parseInt(part.substring(2));
                }
            }
            return new KdfParams(m, t, p);
        }
    }

    byte[] newSalt() {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return salt;
    }

    byte[] seal(byte[] pkcs8, char[] pin, byte[] salt, KdfParams kdf, byte[] aad) {
        byte[] pinKey = derive(pin, salt, kdf);
        try {
            byte[] inner = encrypt(new SecretKeySpec(pinKey, "AES"), null, pkcs8, aad);
            return encrypt(masterKey, masterProvider, inner, aad);
        } finally {
            Arrays.fill(pinKey, (byte) 0);
        }
    }

    /** The PKCS#8 bytes, or null when the PIN is wrong. */
    byte[] open(byte[] sealed, char[] pin, byte[] salt, KdfParams kdf, byte[] aad) {
        byte[] inner;
        try {
            inner = decrypt(masterKey, masterProvider, sealed, aad);
        } catch (AEADBadTagException e) {
            throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR,
                    "the custody master key does not open this key (wrong key store?)", e);
        }
        byte[] pinKey = derive(pin, salt, kdf);
        try {
            return decrypt(new SecretKeySpec(pinKey, "AES"), null, inner, aad);
        } catch (AEADBadTagException e) {
            return null;
        } finally {
            Arrays.fill(pinKey, (byte) 0);
            Arrays.fill(inner, (byte) 0);
        }
    }

    /**
     * An opened key re-encrypted for an activation: the inner layer under the activation's own
     * random key (held only by the client, inside its token), the outer under the master key.
     */
    byte[] wrap(byte[] pkcs8, byte[] activationKey, byte[] aad) {
        byte[] inner = encrypt(new SecretKeySpec(activationKey, "AES"), null, pkcs8, aad);
        try {
            return encrypt(masterKey, masterProvider, inner, aad);
        } finally {
            Arrays.fill(inner, (byte) 0);
        }
    }

    /** The PKCS#8 bytes of an activated key, or null when {@code activationKey} is not the one it was wrapped under. */
    byte[] unwrap(byte[] wrapped, byte[] activationKey, byte[] aad) {
        if (wrapped.length < IV + TAG_BITS / 8 || activationKey.length != 32) {
            return null; // wiped when the activation ended, or not a key at all
        }
        byte[] inner;
        try {
            inner = decrypt(masterKey, masterProvider, wrapped, aad);
        } catch (AEADBadTagException e) {
            return null; // a row changed in the database, or another master key: nothing usable either way
        }
        try {
            return decrypt(new SecretKeySpec(activationKey, "AES"), null, inner, aad);
        } catch (AEADBadTagException e) {
            return null;
        } finally {
            Arrays.fill(inner, (byte) 0);
        }
    }

    /** A small secret (a new key's initial secret) under the master key alone. */
    byte[] protect(byte[] secret, byte[] aad) {
        return encrypt(masterKey, masterProvider, secret, aad);
    }

    byte[] unprotect(byte[] protectedSecret, byte[] aad) {
        try {
            return decrypt(masterKey, masterProvider, protectedSecret, aad);
        } catch (AEADBadTagException e) {
            throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR,
                    "the custody master key does not open this key (wrong key store?)", e);
        }
    }

    static byte[] aad(long subscriberId, String algorithm) {
        return ("kyso-custody-v1|" + subscriberId + "|" + algorithm).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] derive(char[] pin, byte[] salt, KdfParams kdf) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(kdf.memoryKib())
                .withIterations(kdf.iterations())
                .withParallelism(kdf.parallelism())
                .withSalt(salt)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] key = new byte[32];
        generator.generateBytes(pin, key);
        return key;
    }

    private byte[] encrypt(SecretKey key, Provider provider, byte[] plain, byte[] aad) {
        try {
            byte[] iv = new byte[IV];
            random.nextBytes(iv);
            Cipher cipher = cipher(provider);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(aad);
            byte[] body = cipher.doFinal(plain);
            return ByteBuffer.allocate(IV + body.length).put(iv).put(body).array();
        } catch (GeneralSecurityException e) {
            throw new CaException(CaException.ErrorCode.CRYPTO_ERROR, "cannot seal the custody key", e);
        }
    }

    private static byte[] decrypt(SecretKey key, Provider provider, byte[] sealed, byte[] aad)
            throws AEADBadTagException {
        try {
            Cipher cipher = cipher(provider);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV));
            cipher.updateAAD(aad);
            return cipher.doFinal(sealed, IV, sealed.length - IV);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new CaException(CaException.ErrorCode.CRYPTO_ERROR, "cannot open the custody key", e);
        }
    }

    private static Cipher cipher(Provider provider) throws GeneralSecurityException {
        return provider == null ? Cipher.getInstance("AES/GCM/NoPadding")
                : Cipher.getInstance("AES/GCM/NoPadding", provider);
    }
}
