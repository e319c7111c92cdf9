package vn.kyso.server.csc;

import vn.kyso.ca.CaException;
import vn.kyso.server.csc.CscException.Error;
import vn.kyso.server.signing.DocumentSigning;
import vn.kyso.server.signing.SigningRefusedException;

/** The service's signing refusals in the CSC API's words (the one mapping of this package). */
final class CscErrors {

    private CscErrors() {
    }

    static CscException of(SigningRefusedException e) {
        return switch (e.reason()) {
            case WRONG_PIN -> new CscException(Error.INVALID_PIN, e.attemptsLeft() == null ? "The PIN is invalid"
                    : "The PIN is invalid; " + e.attemptsLeft() + " attempt(s) left before the key locks");
            case KEY_LOCKED -> new CscException(Error.LOCKED, "The key is locked after too many wrong PINs");
            case NOT_YOUR_CERTIFICATE, NOT_A_CLERK, WRONG_CERTIFICATE_KIND, NO_CERTIFICATE, NO_CUSTODY_KEY ->
                    new CscException(Error.INVALID_REQUEST, "Invalid parameter credentialID");
            case CERTIFICATE_REVOKED, CERTIFICATE_SUSPENDED, CERTIFICATE_EXPIRED ->
                    new CscException(Error.INVALID_REQUEST, "The credential's certificate is not valid now");
            case ACTIVATION_UNKNOWN, ACTIVATION_NOT_YOURS -> new CscException(Error.INVALID_REQUEST, "Invalid parameter SAD");
            case ACTIVATION_EXPIRED -> new CscException(Error.INVALID_REQUEST, "SAD expired");
            case ACTIVATION_EXHAUSTED -> new CscException(Error.INVALID_REQUEST, "The SAD was used already");
            case ACTIVATION_LIMIT -> new CscException(Error.INVALID_REQUEST, "numSignatures is outside the limits");
            default -> new CscException(Error.INVALID_REQUEST, "The request was refused: " + e.reason().name());
        };
    }

    static CscException of(CaException e) {
        // the console's translation first, so that both channels refuse alike
        if (DocumentSigning.translate(e) instanceof SigningRefusedException refused) {
            return of(refused);
        }
        return new CscException(Error.SERVER_ERROR, "The signature could not be made");
    }
}
