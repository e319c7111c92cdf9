package vn.kyso.server.cli;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

/**
 * Everything {@code kyso verify} needs to build one verifier for all its files.
 *
 * @param trustAnchors the trusted root (or intermediate) certificates from {@code --trust}
 * @param offline      whether to use only the revocation data embedded in the files
 * @param clock        the validation time
 */
record VerifySettings(List<X509Certificate> trustAnchors, boolean offline, Clock clock) {
    VerifySettings {
        trustAnchors = List.copyOf(trustAnchors);
        Objects.requireNonNull(clock, "clock");
    }
}
