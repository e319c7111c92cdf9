package vn.kyso.usage;

import java.util.List;

/**
 * The port through which the usage module reads the province's dated unit directory, which it
 * does not own: the service implements it over the CA's directory (the one source of units), so
 * there is no second copy of the units, their lists or their parser here.
 */
@FunctionalInterface
public interface UnitHistory {

    /** Every period of every unit, in any order; read again for each report. */
    List<DatedUnit> units();

    /** No units at all: every certificate is reported without a unit. */
    static UnitHistory none() {
        return List::of;
    }
}
