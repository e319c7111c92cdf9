package vn.kyso.server.cli;

import vn.kyso.signing.PdfVerifier;
import vn.kyso.signing.RevocationSource;
import vn.kyso.signing.revocation.OnlineRevocationSource;

/** signing-core's {@link PdfVerifier}, built once for all the files of one {@code kyso verify}. */
final class LibraryVerifier {

    private LibraryVerifier() {
    }

    static DocumentVerifier open(VerifySettings settings) {
        PdfVerifier verifier = PdfVerifier.builder()
                .trustAnchors(settings.trustAnchors())
                .clock(settings.clock())
                .revocationSource(settings.offline() ? RevocationSource.none() : new OnlineRevocationSource())
                .build();
        return verifier::verify;
    }
}
