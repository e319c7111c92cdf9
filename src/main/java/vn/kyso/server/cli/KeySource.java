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
}
