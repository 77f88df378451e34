package dev.ntg.run;

import dev.ntg.io.DuckSession;
import dev.ntg.io.Sql;

import java.time.Instant;

/**
 * The leakage guard: the only handle through which fitting and aggregating code sees events. It names a DuckDB
 * view over TRAIN and nothing else, and carries the train cutoff (VAL start) as the "as of" instant. Builders
 * of features, graphs, axes, embeddings and churn models take a {@code TrainView}, never a path, so there is no
 * way to hand them VAL or TEST. Only {@link StageContext#trainView()} (and, for tests, {@link #overTable}) create one.
 */
public final class TrainView {
    private final String relation;
    private final Instant cutoff;
    private final DuckSession duck;

    TrainView(String relation, Instant cutoff, DuckSession duck) {
        this.relation = relation;
        this.cutoff = cutoff;
        this.duck = duck;
    }

    /**
     * A view over a table of training events that a test built by hand (columns user_id, item_id, ts, value).
     * Pipeline code never calls this: it gets its view from the stage context.
     */
    public static TrainView overTable(DuckSession duck, String table, Instant cutoff) {
        return new TrainView(table, cutoff, duck);
    }

    /** The DuckDB relation holding TRAIN events (user_id, item_id, ts, value). */
    public String relation() {
        return relation;
    }

    /** The instant TRAIN ends (exclusive): {@code val_start} of the split. Features are computed as of it. */
    public Instant cutoff() {
        return cutoff;
    }

    public DuckSession duck() {
        return duck;
    }

    /**
     * The same TRAIN events seen from an earlier instant: a view of the rows with {@code ts < asOf} and
     * {@code asOf} as its cutoff, so the feature builders compute features "as of" that date. It can only narrow
     * the view (an {@code asOf} after this cutoff is refused): it is still TRAIN and nothing else.
     */
    public TrainView before(Instant asOf) {
        if (asOf.isAfter(cutoff)) {
            throw new IllegalArgumentException("as-of " + asOf + " is after the cutoff " + cutoff + " of " + relation
                    + ": a TrainView can only look earlier");
        }
        String name = relation + "_before_" + asOf.getEpochSecond() + (asOf.getNano() == 0 ? "" : "_" + asOf.getNano());
        duck.execute("CREATE OR REPLACE VIEW " + name + " AS SELECT user_id, item_id, ts, value FROM " + relation
                + " WHERE ts < " + Sql.literal(asOf.toString()) + "::TIMESTAMPTZ::TIMESTAMP");
        return new TrainView(name, asOf, duck);
    }
}
