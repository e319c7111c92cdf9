package vn.kyso.ca;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An administrative unit (province, agency, district, commune) during its effective dates.
 * The same code may name different units in different periods, so {@code id} identifies it.
 *
 * @param validTo       last day the unit existed, null while it exists
 * @param successorCode after a merger or rename, the code of the unit that carried on its work
 *                      from the day after {@code validTo}; null when none was stated
 */
public record Unit(long id, String code, String name, String kind, String parentCode,
                   LocalDate validFrom, LocalDate validTo, String successorCode) {
    public Unit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(validFrom, "validFrom");
    }

    public boolean existsOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
