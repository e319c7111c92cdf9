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
        return new DocumentVerifier() {
            @Override
            public vn.kyso.signing.VerificationReport verify(java.nio.file.Path file) {
                return verifier.verify(file);
            }

            @Override
            public byte[] signedVersion(java.nio.file.Path file, int number) {
                try {
                    return verifier.signedVersion(java.nio.file.Files.readAllBytes(file), number);
                } catch (java.io.IOException e) {
                    throw new vn.kyso.signing.SigningException(vn.kyso.signing.SigningException.ErrorCode.IO_ERROR,
                            "Cannot read " + file + ": " + e.getMessage(), e);
                }
            }
        };
    }
}
