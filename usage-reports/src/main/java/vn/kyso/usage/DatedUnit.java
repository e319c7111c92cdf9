package vn.kyso.usage;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One period of an administrative unit, as the province's dated unit directory (the CA's) states
 * it. The same code may name different units in different periods (codes are reused after a
 * merger).
 *
 * @param code          the unit's code in that period
 * @param name          its name in that period
 * @param kind          its level
 * @param parentCode    its parent's code in that period, null for the province
 * @param validFrom     its first day
 * @param validTo       its last day, null while it exists
 * @param successorCode after a merger or rename, the code of the unit that carried on its work from
 *                      the day after {@code validTo}; null when none was stated
 */
public record DatedUnit(String code, String name, Unit.Kind kind, String parentCode, LocalDate validFrom,
        LocalDate validTo, String successorCode) {

    public DatedUnit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(validFrom, "validFrom");
        if (validTo != null && validTo.isBefore(validFrom)) {
            throw new IllegalArgumentException("unit " + code + " ends before it starts");
        }
    }
}
