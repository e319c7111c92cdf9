package vn.kyso.usage;

import java.util.List;
import java.util.Locale;

/**
 * The tests' unit directory: the CA's bundled dated directory (Cà Mau 2018 and 2025 with the
 * successors), read the way the service's port reads the CA's, so there is no copy here.
 */
public final class TestUnits {

    private static final List<DatedUnit> CA_MAU = vn.kyso.ca.subscriber.UnitDirectory.bundled().stream()
            .map(TestUnits::dated).toList();

    private TestUnits() {
    }

    /** The bundled directory. */
    public static UnitHistory caMau() {
        return () -> CA_MAU;
    }

    /** The bundled directory and more units (a merger, a rename). */
    public static UnitHistory caMauAnd(List<DatedUnit> more) {
        List<DatedUnit> all = new java.util.ArrayList<>(CA_MAU);
        all.addAll(more);
        return () -> all;
    }

    static DatedUnit dated(vn.kyso.ca.Unit u) {
        return new DatedUnit(u.code(), u.name(), Unit.Kind.valueOf(u.kind().toUpperCase(Locale.ROOT)), u.parentCode(),
                u.validFrom(), u.validTo(), u.successorCode());
    }
}
