package vn.kyso.usage;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An administrative unit during one period of its history: the province, an agency, a district
 * or a commune.
 *
 * @param key       what names this period of the unit in reports and requests: its code, or
 *                  {@code code@validFrom} for an earlier unit whose code a later one reuses
 *                  ("32002@2018-01-01" is Phường 4, "32002" Phường An Xuyên)
 * @param code      the unit's code (agency codes like AG-STP, GSO codes for districts and communes)
 * @param name      the unit's Vietnamese name
 * @param kind      what level of the tree it is
 * @param parentKey the parent's key, null for the province
 * @param path      the materialized path of keys from the root, e.g. "/CM/964/31999/"
 * @param validFrom its first day
 * @param validTo   its last day, null while it exists
 */
public record Unit(String key, String code, String name, Kind kind, String parentKey, String path,
        LocalDate validFrom, LocalDate validTo) {

    /** Levels of the administrative tree. */
    public enum Kind {
        PROVINCE, AGENCY, DISTRICT, COMMUNE
    }

    public Unit {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(validFrom, "validFrom");
        if (!path.startsWith("/") || !path.endsWith("/" + key + "/")) {
            throw new IllegalArgumentException("path must end with the unit's own key: " + path);
        }
    }

    /** Whether {@code other} is this unit or lies below it. */
    public boolean contains(Unit other) {
        return other.path.startsWith(path);
    }

    /** Whether the unit existed on {@code day}. */
    public boolean existsOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
