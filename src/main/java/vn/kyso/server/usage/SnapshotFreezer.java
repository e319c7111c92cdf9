package vn.kyso.server.usage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import vn.kyso.usage.ReportRequest;
import vn.kyso.usage.UsageException;
import vn.kyso.usage.UsageReports;

/**
 * Freezes, once closed, the province-wide report of the last month and of the 12 months ending
 * with it (the dashboard's default period), so that the snapshot is taken when the grace time
 * ends rather than when somebody first asks. Hourly; a snapshot taken already is left as it is.
 */
@Component
class SnapshotFreezer {

    static final String ACTOR = "system";
    private static final Logger log = LoggerFactory.getLogger(SnapshotFreezer.class);

    private final UsageReports usage;
    private final Clock clock;

    SnapshotFreezer(UsageReports usage, Clock clock) {
        this.usage = usage;
        this.clock = clock;
    }

    @Scheduled(initialDelay = 120_000, fixedDelay = 3_600_000)
    void freeze() {
        YearMonth last = YearMonth.from(LocalDate.now(clock.withZone(UsageReports.VIETNAM))).minusMonths(1);
        for (ReportRequest request : new ReportRequest[] {
                ReportRequest.of(last.atDay(1), last.atEndOfMonth()),
                ReportRequest.of(last.minusMonths(11).atDay(1), last.atEndOfMonth()) }) {
            if (!usage.closed(request)) {
                continue;
            }
            try {
                usage.snapshot(request, ACTOR);
            } catch (UsageException | vn.kyso.ca.CaException e) {
                log.warn("Report snapshot of {} to {} not taken: {}", request.from(), request.to(), e.getMessage());
            }
        }
    }
}
