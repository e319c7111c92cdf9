package vn.kyso.usage.units;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.kyso.usage.Unit;
import vn.kyso.usage.UsageException;
import vn.kyso.usage.UsageException.ErrorCode;

/** Loads the unit tree from a CSV (code,name,kind,parent_code) and answers questions about it. */
public final class UnitDirectory {

    /** The province of Cà Mau as it stood in 2018 (until the 2025 merger). */
    public static final String CAMAU_2018 = "/vn/kyso/usage/units/camau-units-2018.csv";

    private final JdbcClient jdbc;
    private final Map<String, Unit> cache = new ConcurrentHashMap<>();
    /** Units change only through {@link #load}, so every report can reuse one read of the tree. */
    private volatile List<Unit> all;

    public UnitDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Loads the bundled 2018 units; units already present are left as they are. */
    public int loadBundled() {
        try (InputStream in = UnitDirectory.class.getResourceAsStream(CAMAU_2018)) {
            if (in == null) {
                throw new UsageException(ErrorCode.IO_ERROR, "bundled unit list missing: " + CAMAU_2018);
            }
            return load(in);
        } catch (IOException e) {
            throw new UsageException(ErrorCode.IO_ERROR, "cannot read the bundled unit list", e);
        }
    }

    /** Loads units from a CSV whose parents come before their children; returns how many were new. */
    public int load(InputStream csv) throws IOException {
        Reader reader = new InputStreamReader(csv, StandardCharsets.UTF_8);
        Map<String, Unit> parsed = new HashMap<>();
        List<Unit> ordered = new ArrayList<>();
        for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get()
                .parse(reader)) {
            String code = row.get("code");
            String parentCode = row.get("parent_code").isEmpty() ? null : row.get("parent_code");
            Unit parent = parentCode == null ? null
                    : Optional.ofNullable(parsed.get(parentCode)).or(() -> find(parentCode)).orElseThrow(
                            () -> new UsageException(ErrorCode.UNKNOWN_UNIT, "parent unit " + parentCode
                                    + " of " + code + " is not defined before it"));
            Unit unit = new Unit(code, row.get("name"), Unit.Kind.valueOf(row.get("kind").toUpperCase(Locale.ROOT)),
                    parentCode, (parent == null ? "/" : parent.path()) + code + "/");
            parsed.put(code, unit);
            ordered.add(unit);
        }
        int added = 0;
        for (Unit unit : ordered) {
            added += jdbc.sql("""
                    INSERT INTO usage_unit (code, name, unit_kind, parent_code, unit_path) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING""")
                    .params(unit.code(), unit.name(), unit.kind().name(), unit.parentCode(), unit.path()).update();
        }
        cache.clear();
        all = null;
        return added;
    }

    public Optional<Unit> find(String code) {
        Unit cached = cache.get(code);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Unit> unit = jdbc.sql("SELECT code, name, unit_kind, parent_code, unit_path FROM usage_unit WHERE code = ?")
                .param(code).query(UnitDirectory::unit).optional();
        unit.ifPresent(u -> cache.put(code, u));
        return unit;
    }

    /** The unit with this code, or UNKNOWN_UNIT. */
    public Unit require(String code) {
        return find(code).orElseThrow(() -> new UsageException(ErrorCode.UNKNOWN_UNIT, "no unit with code " + code));
    }

    /** Every unit, ordered by path (parents before children). */
    public List<Unit> all() {
        List<Unit> units = all;
        if (units == null) {
            units = List.copyOf(jdbc.sql("SELECT code, name, unit_kind, parent_code, unit_path FROM usage_unit"
                    + " ORDER BY unit_path").query(UnitDirectory::unit).list());
            all = units;
        }
        return units;
    }

    /** The root unit (the province), when units are loaded. */
    public Optional<Unit> root() {
        return jdbc.sql("SELECT code, name, unit_kind, parent_code, unit_path FROM usage_unit WHERE parent_code IS NULL"
                + " ORDER BY code").query(UnitDirectory::unit).list().stream().findFirst();
    }

    private static Unit unit(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Unit(rs.getString(1), rs.getString(2), Unit.Kind.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5));
    }
}
