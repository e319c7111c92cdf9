package vn.kyso.usage;

import java.util.Objects;

/**
 * An administrative unit: the province, an agency, a district or a commune.
 *
 * @param code       the unit's code (agency codes like AG-STP, GSO codes for districts and communes)
 * @param name       the unit's Vietnamese name
 * @param kind       what level of the tree it is
 * @param parentCode the parent unit's code, null for the province
 * @param path       the materialized path from the root, e.g. "/CM/964/31999/"
 */
public record Unit(String code, String name, Kind kind, String parentCode, String path) {

    /** Levels of the administrative tree. */
    public enum Kind {
        PROVINCE, AGENCY, DISTRICT, COMMUNE
    }

    public Unit {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/") || !path.endsWith("/" + code + "/")) {
            throw new IllegalArgumentException("path must end with the unit's own code: " + path);
        }
    }

    /** Whether {@code other} is this unit or lies below it. */
    public boolean contains(Unit other) {
        return other.path.startsWith(path);
    }
}
