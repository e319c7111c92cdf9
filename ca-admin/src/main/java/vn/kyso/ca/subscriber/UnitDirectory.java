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
 */
public final class UnitDirectory {

    private static final String COLUMNS = "id, code, name, kind, parent_code, valid_from, valid_to";
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
        if (count > 0) {
            return;
        }
        db.inTransaction(() -> {
            insertAll(read("camau-units-2018.csv"), OLD_FROM, OLD_TO);
            insertAll(read("camau-units-2025.csv"), NEW_FROM, null);
            return null;
        });
    }

    /** One multi-row INSERT per list: seeding costs two round trips, not hundreds. */
    private void insertAll(List<String[]> rows, LocalDate from, LocalDate to) {
        StringBuilder sql = new StringBuilder(
                "INSERT INTO ca_unit (code, name, kind, parent_code, valid_from, valid_to) VALUES ");
        List<Object> params = new ArrayList<>();
        for (String[] row : rows) {
            sql.append(params.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?)");
            params.add(row[0]);
            params.add(row[1]);
            params.add(row[2]);
            params.add(row[3].isEmpty() ? null : row[3]);
            params.add(from);
            params.add(PHUONG_4.equals(row[0]) && to != null ? PHUONG_4_TO : to);
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
        Unit unit = byId(unitId);
        if (lastDay.isBefore(unit.validFrom())) {
            throw new CaException(CaException.ErrorCode.INVALID_REQUEST, "a unit cannot end before it starts");
        }
        db.jdbc().sql("UPDATE ca_unit SET valid_to = ? WHERE id = ?").params(lastDay, unitId).update();
        return byId(unitId);
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
                rs.getString("parent_code"), CaDatabase.date(rs, "valid_from"), CaDatabase.date(rs, "valid_to"));
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
