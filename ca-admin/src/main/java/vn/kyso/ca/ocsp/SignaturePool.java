package vn.kyso.ca.ocsp;

import java.security.Signature;
import java.security.SignatureException;
import java.util.concurrent.atomic.AtomicReferenceArray;

import vn.kyso.ca.hierarchy.SigningCredential;

/**
 * Initialised signature engines for one responder credential, kept between answers. Making a
 * signer per answer (provider lookup, {@code Signature.getInstance}, key initialisation) was a
 * fifth of the responder's Java time with a fresh nonce per request; an engine is ready for the
 * next signature after each {@code sign()}, so one engine serves one answer at a time and then
 * goes back. The pool belongs to one credential: when the responder key changes, the responder
 * makes a new pool and the old one, with its engines, is dropped with the old credential.
 *
 * <p>Lock-free and bounded: a few slots; a thread that finds none idle makes an engine, and an
 * engine that finds no free slot when it comes back is dropped. An engine whose signature
 * failed is dropped too, since its state is then unknown.
 */
final class SignaturePool {

    private final SigningCredential credential;
    private final AtomicReferenceArray<Signature> idle;

    SignaturePool(SigningCredential credential, int slots) {
        this.credential = credential;
        this.idle = new AtomicReferenceArray<>(slots);
    }

    /** Enough slots for every thread that signs at once on this machine, and more. */
    static SignaturePool forCredential(SigningCredential credential) {
        return new SignaturePool(credential, Math.max(8, 2 * Runtime.getRuntime().availableProcessors()));
    }

    SigningCredential credential() {
        return credential;
    }

    /** The signature of {@code data} with the credential's key and algorithm. */
    byte[] sign(byte[] data) throws SignatureException {
        Signature engine = take();
        engine.update(data);
        byte[] signature = engine.sign(); // resets the engine for the next signature with the same key
        give(engine);
        return signature;
    }

    /** How many engines are idle (for tests). */
    int idleCount() {
        int n = 0;
        for (int i = 0; i < idle.length(); i++) {
            if (idle.get(i) != null) {
                n++;
            }
        }
        return n;
    }

    private Signature take() {
        for (int i = 0; i < idle.length(); i++) {
            Signature engine = idle.get(i);
            if (engine != null && idle.compareAndSet(i, engine, null)) {
                return engine;
            }
        }
        return credential.signature();
    }

    private void give(Signature engine) {
        for (int i = 0; i < idle.length(); i++) {
            if (idle.get(i) == null && idle.compareAndSet(i, null, engine)) {
                return;
            }
        }
    }
}
