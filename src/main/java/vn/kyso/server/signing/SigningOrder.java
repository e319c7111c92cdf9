package vn.kyso.server.signing;

import java.util.Objects;

import vn.kyso.signing.PadesLevel;

/**
 * One signing request, checked for form: which step, with which certificate, PIN and level.
 *
 * @param certificateSerial hex serial, or null for the caller's only usable certificate
 * @param pin               the custody key's PIN; wiped once the signing ends
 * @param level             the PAdES level, or null for {@code kyso.signing.default-level}
 */
public record SigningOrder(SigningStep step, String certificateSerial, char[] pin, PadesLevel level,
        SigningLayout layout) {

    public SigningOrder {
        Objects.requireNonNull(step, "step");
        pin = pin == null ? new char[0] : pin;
        layout = layout == null ? SigningLayout.NONE : layout;
    }

    @Override
    public String toString() {
        return "SigningOrder[" + step + ", certificate=" + certificateSerial + ", level=" + level + ", pin=***]";
    }
}
