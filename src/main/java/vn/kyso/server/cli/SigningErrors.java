package vn.kyso.server.cli;

import vn.kyso.signing.SigningException;

/** Turns signing-core's error codes into one localized line. */
final class SigningErrors {

    private SigningErrors() {
    }

    /**
     * The localized meaning of the error code, then signing-core's own detail (English, and by
     * its contract free of secrets) in parentheses: the code says what, the detail says where.
     */
    static String describe(SigningException e, Messages messages) {
        String what = messages.get("error." + e.code().name());
        String detail = e.getMessage();
        return detail == null || detail.isBlank() ? what : messages.get("line.detail", what, detail);
    }
}
