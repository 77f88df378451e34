package dev.ntg.report.notebook;

import dev.ntg.data.SplitManifest;
import dev.ntg.io.Artifact;
import dev.ntg.io.PathCatalog;
import dev.ntg.report.FigureAggregates;
import dev.ntg.report.figures.SplitFigure;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The chronological split as a notebook shows it (notebook 01): cutoffs and tie rule, what each part holds,
 * events per day by part, the boundary checks that prove no TRAIN event reaches into VAL or TEST, and the cold
 * start that the split leaves. Sizes are recomputed from the Parquet parts and compared with the manifest, so
 * the notebook checks the manifest rather than repeating it.
 */
public final class SplitReport {
    /** The parts in time order, with the artifact each lives in. */
    public static final List<String> PARTS = SplitFigure.PARTS;

    private SplitReport() {
    }

    static Artifact artifactOf(String part) {
        return switch (part) {
            case "train" -> PathCatalog.TRAIN;
            case "val" -> PathCatalog.VAL;
            case "test" -> PathCatalog.TEST;
            default -> throw new IllegalArgumentException("no split part " + part);
        };
    }

    /** The two cutoffs, each with what it means. */
    public static Table cutoffs(Artifacts art) {
        SplitManifest m = art.splitManifest();
        return Table.create("split cutoffs",
                StringColumn.create("boundary", "val_start", "test_start"),
                StringColumn.create("instant (UTC)", m.valStart(), m.testStart()),
                StringColumn.create("meaning",
                        "first instant of VAL: TRAIN holds every event before it",
                        "first instant of TEST: VAL holds every event from val_start up to it"));
    }

    /** How the cutoffs were chosen and where an event exactly at a cutoff goes, as the stage recorded it. */
    public static String tieRule(Artifacts art) {
        return "Rule: " + art.splitManifest().rule() + ".";
    }

    /** Per part: rows, distinct users and items, first and last event, and whether split_manifest.json says the same. */
    public static Table partSizes(Artifacts art) {
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < PARTS.size(); i++) {
            String part = PARTS.get(i);
            if (i > 0) sql.append(" UNION ALL ");
            sql.append("SELECT ").append(i).append(" AS pos, '").append(part).append("' AS part, count(*) AS rows, ")
                    .append("count(DISTINCT user_id) AS users, count(DISTINCT item_id) AS items, min(ts) AS min_ts, max(ts) AS max_ts FROM ")
                    .append(art.parquet(artifactOf(part)));
        }
        Table t = art.query("SELECT part, rows, users, items, min_ts, max_ts FROM (" + sql + ") ORDER BY pos", "rows, users and items per part");
        SplitManifest m = art.splitManifest();
        BooleanColumn agrees = BooleanColumn.create("matches manifest");
        for (Row r : t) {
            SplitManifest.PartStats s = m.parts().get(r.getString("part"));
            agrees.append(s != null && s.rows() == r.getLong("rows") && s.users() == r.getLong("users") && s.items() == r.getLong("items")
                    && Objects.equals(instant(s.minTs()), r.getInstant("min_ts")) && Objects.equals(instant(s.maxTs()), r.getInstant("max_ts")));
        }
        return t.addColumns(agrees);
    }

    /** Events per UTC day and part: columns day (LOCAL_DATE), part, events. */
    public static Table eventsPerDay(Artifacts art) {
        return FigureAggregates.eventsPerDay(art.duck(), art.parquet(PathCatalog.TRAIN), art.parquet(PathCatalog.VAL), art.parquet(PathCatalog.TEST));
    }

    /**
     * The boundary checks, one row each: {@code max(train.ts) < val_start ≤ min(val.ts)}, {@code max(val.ts) <
     * test_start ≤ min(test.ts)}, the parts add up to the canonical events, and the parts agree with the manifest.
     * An empty part passes its own bound vacuously.
     */
    public static Table boundaryChecks(Artifacts art) {
        SplitManifest m = art.splitManifest();
        Instant valStart = instant(m.valStart());
        Instant testStart = instant(m.testStart());
        Table sizes = partSizes(art);
        Instant trainMax = sizes.instantColumn("max_ts").get(0);
        Instant valMin = sizes.instantColumn("min_ts").get(1);
        Instant valMax = sizes.instantColumn("max_ts").get(1);
        Instant testMin = sizes.instantColumn("min_ts").get(2);
        long partRows = (long) sizes.longColumn("rows").sum();
        long events = art.duck().queryLong("SELECT count(*) FROM " + art.parquet(PathCatalog.EVENTS));

        List<String> names = new ArrayList<>();
        List<String> left = new ArrayList<>();
        List<String> right = new ArrayList<>();
        List<Boolean> holds = new ArrayList<>();
        add(names, left, right, holds, "max(train.ts) < val_start", show(trainMax), show(valStart), trainMax == null || trainMax.isBefore(valStart));
        add(names, left, right, holds, "val_start ≤ min(val.ts)", show(valStart), show(valMin), valMin == null || !valMin.isBefore(valStart));
        add(names, left, right, holds, "max(val.ts) < test_start", show(valMax), show(testStart), valMax == null || valMax.isBefore(testStart));
        add(names, left, right, holds, "test_start ≤ min(test.ts)", show(testStart), show(testMin), testMin == null || !testMin.isBefore(testStart));
        add(names, left, right, holds, "rows(train + val + test) = rows(events)", String.valueOf(partRows), String.valueOf(events), partRows == events);
        long agreeing = sizes.booleanColumn("matches manifest").countTrue();
        add(names, left, right, holds, "parts match split_manifest.json", agreeing + " of " + sizes.rowCount() + " parts", "all",
                agreeing == sizes.rowCount());
        return Table.create("boundary checks",
                StringColumn.create("check", names),
                StringColumn.create("left", left),
                StringColumn.create("right", right),
                BooleanColumn.create("holds", holds));
    }

    /** One sentence on a {@link #boundaryChecks} table: what holding means, or which checks fail. */
    public static String verdict(Table checks) {
        BooleanColumn holds = checks.booleanColumn("holds");
        int n = checks.rowCount();
        if (holds.countTrue() == n) {
            return "All " + n + " checks hold: every TRAIN event is strictly before val_start, every VAL event lies in "
                    + "[val_start, test_start), every TEST event is at or after test_start, and no event was lost or duplicated "
                    + "by the split: a stage that reads only train.parquet sees nothing from VAL or TEST time.";
        }
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < n; i++) if (!holds.get(i)) failed.add(checks.stringColumn("check").get(i));
        return (n - holds.countTrue()) + " of " + n + " checks FAIL (" + String.join("; ", failed)
                + "): the split leaks or the artifacts are out of step; rerun `./ntg build-dataset` and look at its log.";
    }

    /** Per later part: users and items absent from TRAIN, their share of the part, and the events they carry. */
    public static Table coldStart(Artifacts art) {
        SplitManifest m = art.splitManifest();
        StringColumn part = StringColumn.create("part");
        LongColumn newUsers = LongColumn.create("new users");
        DoubleColumn userShare = DoubleColumn.create("of part's users");
        LongColumn newItems = LongColumn.create("new items");
        DoubleColumn itemShare = DoubleColumn.create("of part's items");
        LongColumn userEvents = LongColumn.create("events by new users");
        LongColumn itemEvents = LongColumn.create("events on new items");
        DoubleColumn userEventShare = DoubleColumn.create("of part's events (new users)");
        for (String p : PARTS.subList(1, PARTS.size())) {
            SplitManifest.ColdStart c = m.coldStart().get(p);
            SplitManifest.PartStats s = m.parts().get(p);
            if (c == null || s == null) continue;
            part.append(p);
            newUsers.append(c.newUsers());
            userShare.append(share(c.newUsers(), s.users()));
            newItems.append(c.newItems());
            itemShare.append(share(c.newItems(), s.items()));
            userEvents.append(c.eventsOfNewUsers());
            itemEvents.append(c.eventsOnNewItems());
            userEventShare.append(share(c.eventsOfNewUsers(), s.rows()));
        }
        for (DoubleColumn d : List.of(userShare, itemShare, userEventShare)) d.setPrintFormatter(NumberColumnFormatter.percent(1));
        return Table.create("cold start: users and items absent from TRAIN",
                part, newUsers, userShare, newItems, itemShare, userEvents, userEventShare, itemEvents);
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0.0 : (double) part / whole;
    }

    private static void add(List<String> names, List<String> left, List<String> right, List<Boolean> holds,
                            String name, String l, String r, boolean ok) {
        names.add(name);
        left.add(l);
        right.add(r);
        holds.add(ok);
    }

    static Instant instant(String iso) {
        return iso == null ? null : Instant.parse(iso);
    }

    private static String show(Instant i) {
        return i == null ? "(no events)" : i.toString();
    }
}
