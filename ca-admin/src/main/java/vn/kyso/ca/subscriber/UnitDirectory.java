package vn.kyso.ca.subscriber;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;

import vn.kyso.ca.CaException;
import vn.kyso.ca.NewUnit;
import vn.kyso.ca.Unit;
import vn.kyso.ca.db.CaDatabase;

/**
 * Administrative units with effective dates, seeded on first start from the bundled Cà Mau
 * lists: the 2018 units (until 30 June 2025) and the merged province's units (from 1 July 2025).
 * The province's one unit directory: the usage reports read it too, through their port.
 * A unit ended by a merger or rename names its successor ({@code camau-successors.csv} for the
 * bundled reorganisation, stated at every start where still unset).
 */
public final class UnitDirectory {

    private static final String COLUMNS = "id, code, name, kind, parent_code, valid_from, valid_to, successor_code";
    static final LocalDate OLD_FROM = LocalDate.of(2018, 1, 1);
    static final LocalDate OLD_TO = LocalDate.of(2025, 6, 30);
    static final LocalDate NEW_FROM = LocalDate.of(2025, 7, 1);
    /** Phường 4 (TP Cà Mau) was merged into Phường 2 from 1 December 2024 (NQ 1252/NQ-UBTVQH15). */
    private static final String PHUONG_4 = "32002";
    private static final LocalDate PHUONG_4_TO = LocalDate.of(2024, 11, 30);

    private final CaDatabase db;

    public UnitDirectory(CaDatabase db) {
        this.db = db;
    }

    /** Loads the bundled unit lists when the table is empty. */
    public void seedIfEmpty() {
        long count = db.jdbc().sql("SELECT COUNT(*) FROM ca_unit").query(Long.class).single();
        db.inTransaction(() -> {
            if (count == 0) {
                insertAll(bundled());
            }
            // also for a register seeded before successors existed (ca V5.14.1); an admin's choice stays
            for (String[] row : read("camau-successors.csv")) {
                db.jdbc().sql("UPDATE ca_unit SET successor_code = ? WHERE code = ? AND valid_to = ?"
                        + " AND successor_code IS NULL").params(row[2], row[0], LocalDate.parse(row[1])).update();
            }
            return null;
        });
    }

    /**
     * The bundled dated directory as it is seeded (ids 0): Cà Mau's 2018 units, the merged
     * province's units from 1 July 2025, and the successors of the units that ended.
     */
    public static List<Unit> bundled() {
        java.util.Map<String, String[]> successors = new java.util.HashMap<>();
        for (String[] row : read("camau-successors.csv")) {
            successors.put(row[0] + "|" + row[1], row);
        }
        List<Unit> units = new ArrayList<>();
        for (String[] row : read("camau-units-2018.csv")) {
            LocalDate to = PHUONG_4.equals(row[0]) ? PHUONG_4_TO : OLD_TO;
            String[] successor = successors.get(row[0] + "|" + to);
            units.add(new Unit(0, row[0], row[1], row[2], row[3].isEmpty() ? null : row[3], OLD_FROM, to,
                    successor == null ? null : successor[2]));
        }
        for (String[] row : read("camau-units-2025.csv")) {
            units.add(new Unit(0, row[0], row[1], row[2], row[3].isEmpty() ? null : row[3], NEW_FROM, null, null));
        }
        return units;
    }

    /** One multi-row INSERT: seeding costs one round trip, not hundreds. */
    private void insertAll(List<Unit> units) {
        StringBuilder sql = new StringBuilder(
                "INSERT INTO ca_unit (code, name, kind, parent_code, valid_from, valid_to, successor_code) VALUES ");
        List<Object> params = new ArrayList<>();
        for (Unit unit : units) {
            sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?)");
            params.add(unit.code());
            params.add(unit.name());
            params.add(unit.kind());
            params.add(unit.parentCode());
            params.add(unit.validFrom());
            params.add(unit.validTo());
            params.add(unit.successorCode());
        }
        db.jdbc().sql(sql.toString()).params(params).update();
    }

    public Unit add(NewUnit unit) {
        try {
            long id = insert(unit.code(), unit.name(), unit.kind(), unit.parentCode(), unit.validFrom(), null);
            return byId(id);
        } catch (DuplicateKeyException e) {
            throw new CaException(CaException.ErrorCode.DUPLICATE,
                    "unit " + unit.code() + " from " + unit.validFrom() + " exists already");
        }
    }

    /** Ends a unit's effective period (after a merger or dissolution). */
    public Unit close(long unitId, LocalDate lastDay) {
        return close(unitId, lastDay, null);
    }

    /**
     * Ends a unit's effective period; {@code successorCode} (may be null: dissolved) names the unit
     * that carries on its work from the next day, which must exist on that day.
     */
    public Unit close(long unitId, LocalDate lastDay, String successorCode) {
        Unit unit = byId(unitId);
        if (lastDay.isBefore(unit.validFrom())) {
            throw new CaException(CaException.ErrorCode.INVALID_REQUEST, "a unit cannot end before it starts");
        }
        if (successorCode != null) {
            Unit successor = byCode(successorCode, lastDay.plusDays(1));
            if (successor.id() == unitId) {
                throw new CaException(CaException.ErrorCode.INVALID_REQUEST, "a unit cannot succeed itself");
            }
        }
        db.jdbc().sql("UPDATE ca_unit SET valid_to = ?, successor_code = ? WHERE id = ?")
                .params(lastDay, successorCode, unitId).update();
        return byId(unitId);
    }

    /** Every unit of every period (the dated directory), in code then start order. */
    public List<Unit> history() {
        return db.jdbc().sql("SELECT " + COLUMNS + " FROM ca_unit ORDER BY code, valid_from")
                .query(UnitDirectory::map).list();
    }

    public Unit byId(long id) {
        return db.jdbc().sql("SELECT " + COLUMNS + " FROM ca_unit WHERE id = ?").param(id)
                .query(UnitDirectory::map).optional()
                .orElseThrow(() -> new CaException(CaException.ErrorCode.UNKNOWN_UNIT, "no unit with id " + id));
    }

    /** The unit that had this code on that day. */
    public Unit byCode(String code, LocalDate day) {
        return find(code, day).orElseThrow(() -> new CaException(CaException.ErrorCode.UNKNOWN_UNIT,
                "no unit with code " + code + " on " + day));
    }

    public Optional<Unit> find(String code, LocalDate day) {
        return db.jdbc().sql("SELECT " + COLUMNS + " FROM ca_unit WHERE code = ? AND valid_from <= ? "
                        + "AND (valid_to IS NULL OR valid_to >= ?)")
                .params(code, day, day).query(UnitDirectory::map).optional();
    }

    /** Units that existed on that day, in code order. */
    public List<Unit> on(LocalDate day) {
        return db.jdbc().sql("SELECT " + COLUMNS + " FROM ca_unit WHERE valid_from <= ? "
                        + "AND (valid_to IS NULL OR valid_to >= ?) ORDER BY code")
                .params(day, day).query(UnitDirectory::map).list();
    }

    /** Every unit of every period (a few hundred rows). */
    public List<Unit> all() {
        return db.jdbc().sql("SELECT " + COLUMNS + " FROM ca_unit ORDER BY code, valid_from")
                .query(UnitDirectory::map).list();
    }

    private long insert(String code, String name, String kind, String parent, LocalDate from, LocalDate to) {
        db.jdbc().sql("INSERT INTO ca_unit (code, name, kind, parent_code, valid_from, valid_to) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(code, name, kind, parent == null || parent.isEmpty() ? null : parent, from, to).update();
        return db.jdbc().sql("SELECT id FROM ca_unit WHERE code = ? AND valid_from = ?").params(code, from)
                .query(Long.class).single();
    }

    private static Unit map(ResultSet rs, int row) throws SQLException {
        return new Unit(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("kind"),
                rs.getString("parent_code"), CaDatabase.date(rs, "valid_from"), CaDatabase.date(rs, "valid_to"),
                rs.getString("successor_code"));
    }

    /** Reads code,name,kind,parent_code rows; names may be quoted because some hold commas. */
    static List<String[]> read(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = UnitDirectory.class.getResourceAsStream("/vn/kyso/ca/units/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled unit list " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine(); // header
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    rows.add(fields(line));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled unit list " + resource, e);
        }
        return rows;
    }

    private static String[] fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        while (out.size() < 4) {
            out.add("");
        }
        return out.toArray(new String[0]);
    }
}
