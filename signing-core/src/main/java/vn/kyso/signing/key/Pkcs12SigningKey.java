package vn.kyso.signing.key;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import vn.kyso.signing.SigningException;
import vn.kyso.signing.SigningException.ErrorCode;

/** Opens the first private key of a PKCS#12 file. */
public final class Pkcs12SigningKey {

    private Pkcs12SigningKey() {
    }

    /**
     * Opens the file with {@code password}; the key password is the store password.
     *
     * @throws SigningException KEY_UNAVAILABLE when the file is missing, the password wrong, or no key is inside
     */
    public static InMemorySigningKey open(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, password);
            return firstKey(ks, password, "PKCS#12 file " + file.getFileName());
        } catch (NoSuchFileException e) {
            throw new SigningException(ErrorCode.KEY_UNAVAILABLE, "the PKCS#12 file does not exist: " + file);
        } catch (IOException e) {
            // KeyStore.load reports a wrong password as an IOException; never echo the password
            throw new SigningException(ErrorCode.KEY_UNAVAILABLE,
                    "cannot open the PKCS#12 file " + file.getFileName() + ": wrong password or damaged file");
        } catch (GeneralSecurityException e) {
            throw new SigningException(ErrorCode.KEY_UNAVAILABLE,
                    "cannot read the key in the PKCS#12 file " + file.getFileName());
        }
    }

    static InMemorySigningKey firstKey(KeyStore ks, char[] password, String what) throws GeneralSecurityException {
        return keyAt(ks, null, password, what);
    }

    /** The key under {@code alias} (or the first key entry when null) with its chain. */
    static InMemorySigningKey keyAt(KeyStore ks, String alias, char[] password, String what)
            throws GeneralSecurityException {
        List<String> aliases = alias != null ? List.of(alias) : Collections.list(ks.aliases());
        for (String a : aliases) {
            if (ks.isKeyEntry(a)) {
                PrivateKey key = (PrivateKey) ks.getKey(a, password);
                Certificate[] chain = ks.getCertificateChain(a);
                if (key == null || chain == null || chain.length == 0) {
                    continue;
                }
                List<X509Certificate> certs = new ArrayList<>();
                for (Certificate c : chain) {
                    certs.add((X509Certificate) c);
                }
                return InMemorySigningKey.of(key, certs);
            }
        }
        throw new SigningException(ErrorCode.KEY_UNAVAILABLE, what + " holds no private key with a certificate"
                + (alias == null ? "" : " under alias " + alias));
    }
}
