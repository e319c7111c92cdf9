package vn.kyso.ca;

import java.util.regex.Pattern;

/** Input checks shared by the request records; failures are INVALID_REQUEST. */
final class Checks {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private Checks() {
    }

    static CaException invalid(String message) {
        return new CaException(CaException.ErrorCode.INVALID_REQUEST, message);
    }

    static String text(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " is required");
        }
        if (value.length() > maxLength) {
            throw invalid(field + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    static void digits(String value, String field, String regex) {
        if (value == null || !value.matches(regex)) {
            throw invalid(field + " has the wrong format");
        }
    }

    static void email(String value, boolean required) {
        if (value == null && !required) {
            return;
        }
        if (value == null || value.length() > 255 || !EMAIL.matcher(value).matches()) {
            throw invalid("e-mail address has the wrong format");
        }
    }
}
