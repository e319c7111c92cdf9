package vn.kyso.server.cli;

import java.net.URI;
import java.time.Clock;
import java.util.Objects;

import vn.kyso.signing.DigestAlgorithm;
import vn.kyso.signing.PadesLevel;
import vn.kyso.signing.VisibleSignature;

/**
 * Everything {@code kyso sign} needs to open one signer for the whole batch.
 *
 * @param key      the key and its secret
 * @param level    the PAdES level
 * @param digest   the digest algorithm
 * @param tsa      the timestamp authority's URL, null for B-B
 * @param reason   /Reason, may be null
 * @param location /Location, may be null
 * @param certify  the DocMDP permission (1, 2 or 3) of a certification signature, null for an approval signature
 * @param visible  the Decree 30 layout, null for an invisible signature
 * @param clock    the time the certificate's validity is checked against
 */
record SignSettings(KeySource key, PadesLevel level, DigestAlgorithm digest, URI tsa, String reason, String location,
        Integer certify, VisibleSignature visible, Clock clock) {

    SignSettings {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(digest, "digest");
        Objects.requireNonNull(clock, "clock");
        if (level.atLeast(PadesLevel.B_T) && tsa == null) {
            throw new IllegalArgumentException("a timestamp authority is needed from level T up");
        }
    }
}
