package vn.kyso.ca;

import java.time.LocalDate;

/** A unit to add (a new agency or commune after a reorganisation). */
public record NewUnit(String code, String name, String kind, String parentCode, LocalDate validFrom) {
    public NewUnit {
        Checks.text(code, "code", 32);
        Checks.text(name, "name", 255);
        Checks.text(kind, "kind", 16);
        if (validFrom == null) {
            throw Checks.invalid("validFrom is required");
        }
    }
}
