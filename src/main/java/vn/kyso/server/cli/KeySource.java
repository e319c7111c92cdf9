package vn.kyso.server.cli;

import java.nio.file.Path;
import java.util.Objects;

/** Where the signing key lives: a PKCS#12 file or a PKCS#11 token. Secrets never show in toString. */
sealed interface KeySource {

    /** Overwrites the secret once the key is open. */
    void wipe();

    /** A PKCS#12 (.p12/.pfx) file and its password. */
    record Pkcs12(Path file, char[] password) implements KeySource {
        public Pkcs12 {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(password, "password");
        }

        @Override
        public void wipe() {
            java.util.Arrays.fill(password, '\0');
        }

        @Override
        public String toString() {
            return "Pkcs12[" + file + "]";
        }
    }

    /** A PKCS#11 token: the module (.so), the position in its slot list (0: the first) and the PIN. */
    record Pkcs11(Path library, int slotIndex, char[] pin) implements KeySource {
        public Pkcs11 {
            Objects.requireNonNull(library, "library");
            Objects.requireNonNull(pin, "pin");
            if (slotIndex < 0) {
                throw new IllegalArgumentException("slot index must not be negative");
            }
        }

        @Override
        public void wipe() {
            java.util.Arrays.fill(pin, '\0');
        }

        @Override
        public String toString() {
            return "Pkcs11[" + library + ", slot index " + slotIndex + "]";
        }
    }

    /**
     * A key behind a CSC API v2 service (issue 15): its base URL, the credential, how to sign in
     * (an account and password for {@code auth/login}, or a bearer token) and the key's PIN.
     */
    record Csc(java.net.URI base, String credential, String user, char[] password, char[] token, char[] pin)
            implements KeySource {
        public Csc {
            Objects.requireNonNull(base, "base");
            Objects.requireNonNull(credential, "credential");
            Objects.requireNonNull(pin, "pin");
            if ((password == null) == (token == null)) {
                throw new IllegalArgumentException("an account password or a bearer token, exactly one");
            }
        }

        @Override
        public void wipe() {
            java.util.Arrays.fill(pin, '\0');
            if (password != null) {
                java.util.Arrays.fill(password, '\0');
            }
            if (token != null) {
                java.util.Arrays.fill(token, '\0');
            }
        }

        @Override
        public String toString() {
            return "Csc[" + base + ", credential " + credential + "]";
        }
    }
}
