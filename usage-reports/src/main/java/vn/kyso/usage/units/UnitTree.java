package vn.kyso.usage.units;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.kyso.usage.DatedUnit;
import vn.kyso.usage.Unit;
import vn.kyso.usage.UsageException;
import vn.kyso.usage.UsageException.ErrorCode;

/**
 * The dated unit directory as a tree of unit periods, read once for a report. Answers which unit
 * a code meant on a day (a certificate's unit as it was when issued) and which of today's units
 * carries on an earlier one (successor, else the unit that reuses its code, else the province).
 */
public final class UnitTree {

    /** How many mergers a roll-up follows before giving up on a loop in the directory. */
    private static final int MAX_STEPS = 32;

    private final Map<String, Unit> byKey = new LinkedHashMap<>();
    private final Map<String, List<Unit>> byCode = new HashMap<>();
    private final Map<String, String> successors = new HashMap<>();

    private UnitTree() {
    }

    /**
     * Builds the tree. Consecutive periods of one code with the same name, kind and parent are one
     * unit (an agency the 2025 lists carry on unchanged stays one row).
     */
    public static UnitTree of(List<DatedUnit> history) {
        List<DatedUnit> sorted = new ArrayList<>(history);
        sorted.sort(Comparator.comparing(DatedUnit::code).thenComparing(DatedUnit::validFrom));
        List<DatedUnit> folded = new ArrayList<>();
        for (DatedUnit u : sorted) {
            DatedUnit last = folded.isEmpty() ? null : folded.get(folded.size() - 1);
            if (last != null && last.code().equals(u.code()) && last.validTo() != null
                    && last.validTo().plusDays(1).equals(u.validFrom()) && last.name().equals(u.name())
                    && last.kind() == u.kind() && java.util.Objects.equals(last.parentCode(), u.parentCode())) {
                folded.set(folded.size() - 1, new DatedUnit(u.code(), u.name(), u.kind(), u.parentCode(),
                        last.validFrom(), u.validTo(), u.successorCode()));
            } else {
                folded.add(u);
            }
        }
        Map<String, List<DatedUnit>> periods = new HashMap<>();
        folded.forEach(u -> periods.computeIfAbsent(u.code(), c -> new ArrayList<>()).add(u));
        UnitTree tree = new UnitTree();
        Map<DatedUnit, String> paths = new HashMap<>();
        for (DatedUnit u : folded) {
            String path = path(u, periods, paths, 0);
            String key = key(u, periods);
            Unit unit = new Unit(key, u.code(), u.name(), u.kind(), parentKey(path), path, u.validFrom(), u.validTo());
            tree.byKey.put(key, unit);
            tree.byCode.computeIfAbsent(u.code(), c -> new ArrayList<>()).add(unit);
            if (u.successorCode() != null) {
                tree.successors.put(key, u.successorCode());
            }
        }
        return tree;
    }

    /** Every unit period, parents before children. */
    public List<Unit> all() {
        return byKey.values().stream().sorted(Comparator.comparing(Unit::path)).toList();
    }

    /** The unit period with this key; a plain code names its latest period. */
    public Optional<Unit> find(String key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** The unit period with this key, or UNKNOWN_UNIT. */
    public Unit require(String key) {
        return find(key).orElseThrow(() -> new UsageException(ErrorCode.UNKNOWN_UNIT, "no unit with key " + key));
    }

    /** Whether some period of the directory has this code. */
    public boolean knows(String code) {
        return byCode.containsKey(code);
    }

    /**
     * The unit {@code code} meant on {@code day}: the period that existed then; failing that (the
     * day lies outside every period of the code), the last period started by then, else the first.
     * Null for a code the directory never had.
     */
    public Unit asOf(String code, LocalDate day) {
        List<Unit> list = byCode.get(code);
        if (list == null) {
            return null;
        }
        Unit started = null;
        for (Unit u : list) { // in start order
            if (u.existsOn(day)) {
                return u;
            }
            if (!u.validFrom().isAfter(day)) {
                started = u;
            }
        }
        return started != null ? started : list.get(0);
    }

    /**
     * The unit of {@code today} that carries on {@code unit}: itself while it exists; else its
     * stated successor on the day after it ended; else the unit that took its code later; else the
     * province of today (a dissolved district's own certificates).
     */
    public Unit today(Unit unit, LocalDate today) {
        Unit u = unit;
        for (int step = 0; step < MAX_STEPS && u != null; step++) {
            if (u.validTo() == null || !u.validTo().isBefore(today)) {
                return u;
            }
            String successor = successors.get(u.key());
            Unit next = successor == null ? null : asOf(successor, u.validTo().plusDays(1));
            if (next == null || next == u) {
                next = later(u);
            }
            u = next;
        }
        return root(today);
    }

    /** The province on {@code day} (the latest province period when none existed that day). */
    public Unit root(LocalDate day) {
        Unit latest = null;
        for (Unit u : byKey.values()) {
            if (u.kind() == Unit.Kind.PROVINCE && u.parentKey() == null) {
                if (u.existsOn(day)) {
                    return u;
                }
                latest = latest == null || u.validFrom().isAfter(latest.validFrom()) ? u : latest;
            }
        }
        return latest;
    }

    /** The first later period of the same code, null when none. */
    private Unit later(Unit u) {
        for (Unit other : byCode.get(u.code())) {
            if (other.validFrom().isAfter(u.validTo())) {
                return other;
            }
        }
        return null;
    }

    private static String key(DatedUnit u, Map<String, List<DatedUnit>> periods) {
        List<DatedUnit> list = periods.get(u.code());
        return list.get(list.size() - 1) == u ? u.code() : u.code() + "@" + u.validFrom();
    }

    private static String parentKey(String path) {
        String[] keys = path.split("/");
        return keys.length < 3 ? null : keys[keys.length - 2];
    }

    /** The path of keys from the root: the parent is the parent code's period in force when the unit began. */
    private static String path(DatedUnit u, Map<String, List<DatedUnit>> periods, Map<DatedUnit, String> memo,
            int depth) {
        String known = memo.get(u);
        if (known != null) {
            return known;
        }
        String own = key(u, periods) + "/";
        DatedUnit parent = u.parentCode() == null || depth > MAX_STEPS ? null : parentOf(u, periods);
        String path = parent == null ? "/" + own : path(parent, periods, memo, depth + 1) + own;
        memo.put(u, path);
        return path;
    }

    private static DatedUnit parentOf(DatedUnit u, Map<String, List<DatedUnit>> periods) {
        List<DatedUnit> list = periods.get(u.parentCode());
        if (list == null) {
            return null;
        }
        DatedUnit started = null;
        for (DatedUnit p : list) {
            if (!p.validFrom().isAfter(u.validFrom()) && (p.validTo() == null || !p.validTo().isBefore(u.validFrom()))) {
                return p;
            }
            if (!p.validFrom().isAfter(u.validFrom())) {
                started = p;
            }
        }
        return started != null ? started : list.get(0);
    }
}
