package vn.kyso.server.ca;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.web.util.UriComponentsBuilder;

import vn.kyso.ca.AuditEntry;
import vn.kyso.ca.AuditFilter;

/**
 * The audit page's shapes: its filter (action, actor, a period of local calendar days, page)
 * and its rows, with the time in Vietnam's zone to the second, as an admin reads a clock.
 */
final class AuditPage {

    static final int SIZE = 100;
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private AuditPage() {
    }

    /** {@code from} and {@code to} are whole days in Vietnam, both included. */
    record Filter(String action, String actor, LocalDate from, LocalDate to, int offset) {

        Filter {
            action = action == null || action.isBlank() ? null : action.strip();
            actor = actor == null || actor.isBlank() ? null : actor.strip();
            offset = Math.max(0, offset);
        }

        AuditFilter toCa() {
            return new AuditFilter(action, actor, from == null ? null : from.atStartOfDay(VIETNAM).toInstant(),
                    to == null ? null : to.plusDays(1).atStartOfDay(VIETNAM).toInstant());
        }

        public String pageUrl(int newOffset) {
            UriComponentsBuilder url = UriComponentsBuilder.fromPath("/admin/audit");
            if (action != null) {
                url.queryParam("action", action);
            }
            if (actor != null) {
                url.queryParam("actor", actor);
            }
            if (from != null) {
                url.queryParam("from", from);
            }
            if (to != null) {
                url.queryParam("to", to);
            }
            if (newOffset > 0) {
                url.queryParam("offset", newOffset);
            }
            return url.encode().build().toUriString();
        }
    }

    /** One entry as the page shows it: local time without fractions of a second. */
    record Row(long seq, String at, String actor, String action, String target, String details) {

        static Row of(AuditEntry e) {
            return new Row(e.seq(), TIME.format(e.at().atZone(VIETNAM)), e.actor(), e.action(), e.target(),
                    e.details());
        }
    }
}
