package vn.kyso.ca.keys;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.Provider;
import java.security.Security;


import vn.kyso.ca.CaException;

/**
 * CA keys on a PKCS#11 token through SunPKCS11. Keys are generated on the token as session
 * objects and become token objects when stored with their certificate; they never leave it.
 */
public final class Pkcs11CaKeyStore extends JcaCaKeyStore {

    private final Provider provider;
    private final KeyStore keyStore;

    public Pkcs11CaKeyStore(Path library, long slot, char[] pin) {
        String config = "--name = kyso-ca-" + slot + "\n"
                + "library = " + library.toAbsolutePath() + "\n"
                + "slot = " + slot + "\n"
                // Secret keys created on the token must be usable for AES-GCM and storable.
                + "attributes(generate, CKO_SECRET_KEY, CKK_AES) = {\n"
                + "  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = false\n  CKA_ENCRYPT = true\n  CKA_DECRYPT = true\n}\n";
        try {
            Provider base = Security.getProvider("SunPKCS11");
            if (base == null) {
                throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR, "this JDK has no SunPKCS11 provider");
            }
            provider = base.configure(config);
            keyStore = KeyStore.getInstance("PKCS11", provider);
            keyStore.load(null, pin);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof CaException ce) {
                throw ce;
            }
            throw new CaException(CaException.ErrorCode.KEY_STORE_ERROR,
                    "cannot open PKCS#11 slot " + slot + " of " + library + " (wrong PIN or no token)", e);
        }
    }

    @Override
    protected KeyStore keyStore() {
        return keyStore;
    }

    @Override
    protected char[] entryPassword() {
        return null;
    }

    @Override
    protected String label() {
        return "the token";
    }

    @Override
    protected void persist() {
        // entries written to a token are token objects already
    }

    @Override
    public Provider provider() {
        return provider;
    }
}
