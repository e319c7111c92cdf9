package vn.kyso.usage.event;

import java.util.List;

/**
 * How one chunk of events and its rollup counts reach the database, inside the caller's
 * transaction. Two ways: portable JDBC batches (H2, kyso's embedded default), and whole-chunk
 * array statements for PostgreSQL, where every statement is a network round trip.
 */
interface EventWriter {

    /** Inserts the events whose once-only key is new; returns those (the rest were known). */
    List<Pending> insertNew(List<Pending> sorted, java.time.OffsetDateTime recordedAt);

    /** Adds the counts to the daily and monthly rollups. */
    void addToRollups(Rollups.Deltas deltas);
}
