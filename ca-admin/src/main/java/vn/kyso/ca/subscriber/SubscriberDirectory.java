package vn.kyso.ca.subscriber;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;

import vn.kyso.ca.Agency;
import vn.kyso.ca.CaException;
import vn.kyso.ca.NewAgency;
import vn.kyso.ca.NewOfficer;
import vn.kyso.ca.Officer;
import vn.kyso.ca.ResultPage;
import vn.kyso.ca.Subscriber;
import vn.kyso.ca.SubscriberKind;
import vn.kyso.ca.SubscriberSearch;
import vn.kyso.ca.db.CaDatabase;

/** Officers and agencies; CCCD and MST are unique. */
public final class SubscriberDirectory {

    private static final String COLUMNS = "id, kind, unit_id, full_name, position_title, cccd, agency_name, "
            + "parent_body, mst, email";

    private final CaDatabase db;
    private final UnitDirectory units;
    private final Clock clock;

    public SubscriberDirectory(CaDatabase db, UnitDirectory units, Clock clock) {
        this.db = db;
        this.units = units;
        this.clock = clock;
    }

    /** Registers an officer in a unit that exists today; call inside a transaction. */
    public Officer addOfficer(NewOfficer o) {
        long unitId = units.byCode(o.unitCode(), today()).id();
        try {
            db.jdbc().sql("INSERT INTO ca_subscriber (kind, unit_id, full_name, position_title, cccd, email, created_at, "
                            + "search_name) VALUES ('OFFICER', ?, ?, ?, ?, ?, ?, ?)")
                    .params(unitId, o.fullName(), o.positionTitle(), o.cccd(), o.email(),
                            CaDatabase.ts(clock.instant()), searchName(o.fullName())).update();
        } catch (DuplicateKeyException e) {
            throw new CaException(CaException.ErrorCode.DUPLICATE, "an officer with this CCCD is registered already");
        }
        return (Officer) byKey("cccd", o.cccd());
    }

    /** Registers an agency in a unit that exists today; call inside a transaction. */
    public Agency addAgency(NewAgency a) {
        long unitId = units.byCode(a.unitCode(), today()).id();
        try {
            db.jdbc().sql("INSERT INTO ca_subscriber (kind, unit_id, agency_name, parent_body, mst, email, created_at, "
                            + "search_name) VALUES ('AGENCY', ?, ?, ?, ?, ?, ?, ?)")
                    .params(unitId, a.name(), a.parentBody(), a.mst(), a.email(), CaDatabase.ts(clock.instant()),
                            searchName(a.name()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new CaException(CaException.ErrorCode.DUPLICATE, "an agency with MST " + a.mst()
                    + " is registered already");
        }
        return (Agency) byKey("mst", a.mst());
    }

    public Subscriber byId(long id) {
        return find(id).orElseThrow(() -> new CaException(CaException.ErrorCode.UNKNOWN_SUBSCRIBER,
                "no subscriber with id " + id));
    }

    public Optional<Subscriber> find(long id) {
        return db.jdbc().sql("SELECT " + COLUMNS + " FROM ca_subscriber WHERE id = ?").param(id)
                .query(this::map).optional();
    }

    /** Subscribers of a kind (null: all), optionally of one unit, by name. */
    public List<Subscriber> list(SubscriberKind kind, Long unitId) {
        return db.jdbc().sql("SELECT " + COLUMNS + " FROM ca_subscriber "
                        + "WHERE (CAST(? AS VARCHAR(16)) IS NULL OR kind = ?) AND (CAST(? AS BIGINT) IS NULL OR unit_id = ?) "
                        + "ORDER BY COALESCE(full_name, agency_name), id")
                .params(kind == null ? null : kind.name(), kind == null ? null : kind.name(), unitId, unitId)
                .query(this::map).list();
    }

    /**
     * One page of the subscribers a search matches, by name; the count is a second query over the
     * same condition, and only the page's rows are read.
     */
    public ResultPage<Subscriber> search(SubscriberSearch search) {
        List<Object> params = new ArrayList<>();
        String where = where(search, params);
        long total = db.jdbc().sql("SELECT COUNT(*) FROM ca_subscriber s" + where).params(params)
                .query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(search.limit());
        pageParams.add(search.offset());
        List<Subscriber> items = db.jdbc().sql("SELECT " + prefixed("s") + " FROM ca_subscriber s" + where
                        + " ORDER BY s.search_name, s.id LIMIT ? OFFSET ?")
                .params(pageParams).query(this::map).list();
        return new ResultPage<>(items, total, search.offset(), search.limit());
    }

    private String where(SubscriberSearch search, List<Object> params) {
        List<String> conditions = new ArrayList<>();
        if (search.kind() != null) {
            conditions.add("s.kind = ?");
            params.add(search.kind().name());
        }
        SubscriberMatch.of(search.text(), units).ifPresent(match -> {
            conditions.add(match.condition("s"));
            params.addAll(match.params());
        });
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** Fills the folded name of subscribers registered before it existed (once, at start). */
    public void fillSearchNames() {
        List<Map.Entry<Long, String>> rows = db.jdbc().sql("SELECT id, COALESCE(full_name, agency_name) "
                        + "FROM ca_subscriber WHERE search_name IS NULL")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).list();
        for (Map.Entry<Long, String> row : rows) {
            db.jdbc().sql("UPDATE ca_subscriber SET search_name = ? WHERE id = ?")
                    .params(searchName(row.getValue()), row.getKey()).update();
        }
    }

    private static String searchName(String name) {
        String folded = SubscriberMatch.fold(name == null ? "" : name);
        return folded.length() <= 255 ? folded : folded.substring(0, 255);
    }

    private static String prefixed(String alias) {
        return alias + "." + COLUMNS.replace(", ", ", " + alias + ".");
    }

    private Subscriber byKey(String column, String value) {
        return db.jdbc().sql("SELECT " + COLUMNS + " FROM ca_subscriber WHERE " + column + " = ?").param(value)
                .query(this::map).single();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    private Subscriber map(ResultSet rs, int row) throws SQLException {
        var unit = units.byId(rs.getLong("unit_id"));
        if (SubscriberKind.valueOf(rs.getString("kind")) == SubscriberKind.OFFICER) {
            return new Officer(rs.getLong("id"), rs.getString("full_name"), rs.getString("position_title"),
                    rs.getString("cccd"), rs.getString("email"), unit);
        }
        return new Agency(rs.getLong("id"), rs.getString("agency_name"), rs.getString("parent_body"),
                rs.getString("mst"), rs.getString("email"), unit);
    }
}
