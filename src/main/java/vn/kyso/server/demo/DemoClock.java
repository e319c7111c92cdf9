package vn.kyso.server.demo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The demo's own clock (issue 14): the system clock, set back while the demo's first start builds
 * its history, so that the CA issues each demo certificate on the day the demo's plan says it was
 * issued, and its hierarchy before them; certificates are then valid over the signatures the demo
 * credits them with. Real time again once the demo is loaded (and on every later start).
 */
public final class DemoClock extends Clock {

    /** The file in the data folder that says the demo's history is built. */
    static final String LOADED = "kyso-demo.loaded";
    /** How far back a fresh demo's hierarchy starts: before the plan's earliest issuance (32 months back). */
    static final Duration HISTORY = Duration.ofDays(3 * 366);

    private final Clock system;
    private volatile Duration offset;

    DemoClock(Clock system, Path dataDir) {
        this.system = system;
        this.offset = Files.exists(dataDir.resolve(LOADED)) ? Duration.ZERO : HISTORY.negated();
    }

    /** From now on, the clock reads {@code at} (then runs on from there). */
    void setTo(Instant at) {
        offset = Duration.between(system.instant(), at);
    }

    /** Real time again. */
    void resume() {
        offset = Duration.ZERO;
    }

    boolean isReal() {
        return offset.isZero();
    }

    @Override
    public Instant instant() {
        return system.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** This clock in another zone: it follows later changes of the time too. */
    @Override
    public Clock withZone(ZoneId zone) {
        DemoClock demo = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return demo.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return demo.withZone(other);
            }
        };
    }
}
