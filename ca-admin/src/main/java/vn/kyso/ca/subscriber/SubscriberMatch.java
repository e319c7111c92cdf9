package vn.kyso.ca.subscriber;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import vn.kyso.ca.db.CaDatabase;

/**
 * What an admin typed to find a person, as an SQL condition over a {@code ca_subscriber} row:
 * the folded name contains it ("nguyen van" finds "Nguyễn Văn"), the CCCD or MST starts with
 * it, or the subscriber's unit is one whose folded name contains it or whose code it is. Units
 * are a small directory (a few hundred rows), so they are matched here rather than by a join.
 */
public final class SubscriberMatch {

    private final String folded;
    private final List<Long> unitIds;

    private SubscriberMatch(String folded, List<Long> unitIds) {
        this.folded = folded;
        this.unitIds = unitIds;
    }

    /** Empty for a blank text (everyone matches). */
    public static Optional<SubscriberMatch> of(String text, UnitDirectory units) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String folded = fold(text);
        List<Long> unitIds = new ArrayList<>();
        for (var unit : units.all()) {
            if (unit.code().equalsIgnoreCase(text.strip()) || fold(unit.name()).contains(folded)) {
                unitIds.add(unit.id());
            }
        }
        return Optional.of(new SubscriberMatch(folded, unitIds));
    }

    /**
     * Lower case, without diacritics, đ as d, runs of spaces as one: how names are stored in
     * {@code search_name} and how search texts are compared with them.
     */
    public static String fold(String text) {
        String decomposed = Normalizer.normalize(text.strip(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replace('đ', 'd').replace('Đ', 'D');
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    /** The condition over the subscriber table aliased {@code s}; its parameters are {@link #params()}. */
    public String condition(String s) {
        StringBuilder sql = new StringBuilder("(" + s + ".search_name LIKE ? ESCAPE '\\' OR " + s
                + ".cccd LIKE ? ESCAPE '\\' OR " + s + ".mst LIKE ? ESCAPE '\\'");
        if (!unitIds.isEmpty()) {
            sql.append(" OR ").append(s).append(".unit_id IN (").append("?, ".repeat(unitIds.size() - 1))
                    .append("?)");
        }
        return sql.append(")").toString();
    }

    public List<Object> params() {
        List<Object> params = new ArrayList<>();
        String literal = CaDatabase.likeLiteral(folded);
        params.add("%" + literal + "%");
        params.add(literal + "%");
        params.add(literal + "%");
        params.addAll(unitIds);
        return params;
    }
}
