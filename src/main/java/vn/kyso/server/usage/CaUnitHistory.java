package vn.kyso.server.usage;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import vn.kyso.ca.CertificateAuthority;
import vn.kyso.usage.DatedUnit;
import vn.kyso.usage.Unit;
import vn.kyso.usage.UnitHistory;

/**
 * The usage module's unit port over the CA's dated unit directory, the one source of units: each
 * report reads it as it stands (a unit an admin adds or merges counts from the next report).
 */
@Component
class CaUnitHistory implements UnitHistory {

    private final CertificateAuthority ca;

    CaUnitHistory(CertificateAuthority ca) {
        this.ca = ca;
    }

    /** Units of a kind the reports do not know (the CA takes any kind) are left out: their certificates have no unit. */
    @Override
    public List<DatedUnit> units() {
        return ca.unitHistory().stream().filter(u -> kind(u.kind()) != null)
                .map(u -> new DatedUnit(u.code(), u.name(), kind(u.kind()), u.parentCode(), u.validFrom(),
                        u.validTo(), u.successorCode())).toList();
    }

    private static Unit.Kind kind(String kind) {
        for (Unit.Kind k : Unit.Kind.values()) {
            if (k.name().equals(kind.toUpperCase(Locale.ROOT))) {
                return k;
            }
        }
        return null;
    }
}
