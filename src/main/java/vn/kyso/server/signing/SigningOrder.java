package vn.kyso.server.signing;

import java.util.Objects;

import vn.kyso.signing.PadesLevel;

/**
 * One signing request, checked for form: which step, with which certificate, PIN (or key
 * activation) and level.
 *
 * @param certificateSerial hex serial, or null for the caller's only usable certificate (or the activation's)
 * @param pin               the custody key's PIN; wiped once the signing ends
 * @param level             the PAdES level, or null for {@code kyso.signing.default-level}
 * @param activation        a key activation token used instead of the PIN, or null
 */
public record SigningOrder(SigningStep step, String certificateSerial, char[] pin, PadesLevel level,
        SigningLayout layout, String activation) {

    public SigningOrder {
        Objects.requireNonNull(step, "step");
        pin = pin == null ? new char[0] : pin;
        layout = layout == null ? SigningLayout.NONE : layout;
        activation = activation == null || activation.isBlank() ? null : activation.strip();
    }

    /** An order signed with the PIN. */
    public SigningOrder(SigningStep step, String certificateSerial, char[] pin, PadesLevel level,
            SigningLayout layout) {
        this(step, certificateSerial, pin, level, layout, null);
    }

    @Override
    public String toString() {
        return "SigningOrder[" + step + ", certificate=" + certificateSerial + ", level=" + level + ", pin=***"
                + (activation == null ? "" : ", activation=***") + "]";
    }
}
