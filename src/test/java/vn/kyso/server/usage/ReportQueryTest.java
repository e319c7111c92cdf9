package vn.kyso.server.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A report request's parameters, checked without a server (the unit is the only part needing one). */
class ReportQueryTest {

    @Test
    void eachBrokenRuleIsNamedSoTheUserCanBeToldInWords() {
        assertThatThrownBy(() -> new ReportQuery("2026-03-01", "2026-02-01", null, null).toRequest(null))
                .isInstanceOfSatisfying(ReportQuery.Invalid.class,
                        e -> assertThat(e.reason()).isEqualTo(ReportQuery.Reason.REVERSED));
        assertThatThrownBy(() -> new ReportQuery("2026-02-30", "2026-03-01", null, null).toRequest(null))
                .isInstanceOfSatisfying(ReportQuery.Invalid.class,
                        e -> assertThat(e.reason()).isEqualTo(ReportQuery.Reason.DATE));
        assertThatThrownBy(() -> new ReportQuery("2026-02-01", "", null, null).toRequest(null))
                .isInstanceOfSatisfying(ReportQuery.Invalid.class,
                        e -> assertThat(e.reason()).isEqualTo(ReportQuery.Reason.ONE_DATE));
        assertThatThrownBy(() -> new ReportQuery("1990-01-01", "2026-01-01", null, null).toRequest(null))
                .isInstanceOfSatisfying(ReportQuery.Invalid.class,
                        e -> assertThat(e.reason()).isEqualTo(ReportQuery.Reason.TOO_LONG));
        assertThatThrownBy(() -> new ReportQuery("2026-01-01", "2026-01-31", null, "ROBOT").toRequest(null))
                .isInstanceOfSatisfying(ReportQuery.Invalid.class,
                        e -> assertThat(e.reason()).isEqualTo(ReportQuery.Reason.KIND));
    }

    @Test
    void aOneDayPeriodIsFineAndListsAHundredTopUsersForTheDashboardsPages() {
        var request = new ReportQuery("2026-01-31", "2026-01-31", null, "personal").toRequest(null);

        assertThat(request.topUsers()).isEqualTo(ReportQuery.TOP_USERS).isEqualTo(100);
        assertThat(request.from()).isEqualTo(request.to());
    }
}
