package dev.ntg.data.synthetic;

import dev.ntg.config.SyntheticConfig;
import dev.ntg.config.Timestamps;
import dev.ntg.io.DuckSession;
import dev.ntg.io.Json;
import dev.ntg.io.Sql;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.duckdb.DuckDBAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the synthetic streaming service end to end: catalog, audience, then users in blocks on worker
 * threads while the calling thread appends finished blocks to DuckDB in user order; finally the catalog
 * metadata and the truth sidecar. Every random draw comes from a stream keyed by (seed, user or catalog),
 * so the files are the same bytes for any thread count.
 */
public final class SyntheticService {
    private static final Logger LOG = LoggerFactory.getLogger(SyntheticService.class);
    /** ~1,000 users ≈ 150k plays per block: big enough to amortise hand-offs, small enough to bound the heap. */
    private static final int BLOCK_USERS = 1024;
    /** Rows per Parquet part (~1 GB of DuckDB memory); smaller runs write one table directly. */
    static final long DEFAULT_PART_ROWS = 32_000_000L;
    /** Default sizing, as in MovieLens-25M: ~156 plays per user and ~415 per item. */
    public static final double EVENTS_PER_USER = 156.0, EVENTS_PER_ITEM = 415.0;

    private final SyntheticConfig config;
    private final long seed;
    private final int threads;
    private long partRows = DEFAULT_PART_ROWS;
    private boolean progress = true;

    private SyntheticService(SyntheticConfig config, long seed, int threads) {
        this.config = config;
        this.seed = seed;
        this.threads = Math.max(1, threads);
    }

    public static SyntheticService of(SyntheticConfig config, long seed, int threads) {
        return new SyntheticService(config, seed, threads);
    }

    /** Spill events to Parquet parts every this many rows (tests use it to exercise the multi-part path). */
    SyntheticService partRows(long rows) {
        this.partRows = rows;
        return this;
    }

    public SyntheticService showProgress(boolean show) {
        this.progress = show;
        return this;
    }

    public int users() {
        return config.users() > 0 ? config.users() : (int) Math.max(1, Math.round(config.events() / EVENTS_PER_USER));
    }

    public int items() {
        int min = 2 * config.genres().size();
        return config.items() > 0 ? config.items() : (int) Math.max(min, Math.round(config.events() / EVENTS_PER_ITEM));
    }

    public long startEpochDay() {
        return Math.floorDiv(Timestamps.parseSetting("start", config.start()).getEpochSecond(), 86400L);
    }

    /** Cutoff days (from the start) for the truth fractions: the midnight on or before start + f × days. */
    public int[] cutoffDays() {
        return config.truthCutoffFractions().stream().mapToInt(f -> (int) Math.floor(f * config.days())).toArray();
    }

    public GenerationReport generate(DuckSession duck, SyntheticOutputs out) throws Exception {
        for (Path p : List.of(out.events(), out.items(), out.truthUsers(), out.truthItems(), out.truthChurn(), out.truthManifest())) {
            Files.createDirectories(p.toAbsolutePath().getParent());
        }
        int genres = config.genres().size();
        int users = users();
        int items = items();
        int days = config.days();
        double h0 = ServiceModel.baseDailyHazard(config.baseMonthlyChurn());
        LOG.info("synthetic service: {} users, {} items, {} genres, {} days, target {} plays", users, items, genres, days,
                config.events());
        Catalog catalog = Catalog.generate(seed, items, genres, config.zipfExponent(), days);
        Audience audience = Audience.generate(seed, users, genres, days, config.activitySigma(), h0, config.events());

        int[] cutoffs = cutoffDays();
        int[] quitDay = new int[users];
        long[] playCount = new long[users];
        duck.execute("CREATE OR REPLACE TABLE synthetic_truth_churn (user_id BIGINT, cutoff TIMESTAMP, horizon_days INTEGER, "
                + "p_churn DOUBLE, quit_before_cutoff BOOLEAN, observed_no_event BOOLEAN)");
        long events;
        long dropped = 0;
        long churnRows = 0;
        Path partDir = out.events().toAbsolutePath().getParent().resolve(".events-parts");
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "ntg-synthetic");
            t.setDaemon(true);
            return t;
        });
        List<UserSimulator> simulators = new ArrayList<>();
        ThreadLocal<UserSimulator> local = ThreadLocal.withInitial(() -> {
            UserSimulator s = new UserSimulator(seed, catalog, audience, days, startEpochDay(), h0, cutoffs,
                    config.truthHorizonDays(), quitDay, playCount);
            synchronized (simulators) {
                simulators.add(s);
            }
            return s;
        });
        try (EventSink sink = new EventSink(duck, partDir, partRows);
             DuckDBAppender churn = duck.appender("synthetic_truth_churn");
             ProgressBar bar = progressBar(users)) {
            ArrayDeque<Future<EventBlock>> inFlight = new ArrayDeque<>();
            int next = 0;
            int window = threads * 3;
            while (next < users || !inFlight.isEmpty()) {
                while (next < users && inFlight.size() < window) {
                    EventBlock block = new EventBlock(next, Math.min(BLOCK_USERS, users - next));
                    inFlight.add(pool.submit(() -> {
                        local.get().simulateBlock(block);
                        return block;
                    }));
                    next += block.userCount;
                }
                EventBlock done = take(inFlight.poll());
                sink.append(done);
                churnRows += appendChurn(churn, done, cutoffs);
                if (bar != null) bar.stepBy(done.userCount);
            }
            churn.flush();
            events = sink.finish(out.events());
        } finally {
            pool.shutdownNow();
        }
        for (UserSimulator s : simulators) dropped += s.dropped();
        long quits = 0;
        for (int q : quitDay) if (q >= 0) quits++;

        duck.copyToParquet("SELECT * FROM synthetic_truth_churn", out.truthChurn());
        duck.execute("DROP TABLE synthetic_truth_churn");
        writeItems(duck, catalog, out);
        writeTruthUsers(duck, audience, quitDay, playCount, out.truthUsers());
        GenerationReport report = new GenerationReport(events, audience.expectedEvents, users, items, quits, dropped, churnRows);
        Json.write(out.truthManifest(), TruthDescription.of(config, seed, h0, audience.activityScale, cutoffs, report));
        LOG.info("synthetic service: {} plays (expected {}), {} of {} users quit", events, Math.round(audience.expectedEvents),
                quits, users);
        return report;
    }

    private ProgressBar progressBar(int users) {
        if (!progress || config.events() < 1_000_000) return null;
        return new ProgressBarBuilder().setTaskName("generate-events").setInitialMax(users).setUnit(" users", 1)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(500).build();
    }

    private static EventBlock take(Future<EventBlock> f) throws Exception {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception x) throw x;
            throw e;
        }
    }

    private long appendChurn(DuckDBAppender churn, EventBlock b, int[] cutoffs) throws SQLException {
        long start = startEpochDay();
        for (int i = 0; i < b.churnRows; i++) {
            churn.beginRow()
                    .append(b.churnUser[i] + 1L)
                    .appendEpochMicros((start + cutoffs[b.churnCutoff[i]]) * 86_400_000_000L)
                    .append(config.truthHorizonDays())
                    .append(b.churnProbability[i])
                    .append(b.churnQuitBefore[i]);
            if (b.churnObservedSilent[i] < 0) churn.appendNull();
            else churn.append(b.churnObservedSilent[i] == 1);
            churn.endRow();
        }
        return b.churnRows;
    }

    private void writeItems(DuckSession duck, Catalog catalog, SyntheticOutputs out) throws SQLException {
        List<String> names = config.genres();
        StringBuilder truthCols = new StringBuilder();
        for (String g : names) truthCols.append(", ").append(Sql.ident("mix_" + g)).append(" DOUBLE");
        duck.execute("CREATE OR REPLACE TABLE synthetic_items (item_id BIGINT, title VARCHAR, genres VARCHAR, release_date DATE)");
        duck.execute("CREATE OR REPLACE TABLE synthetic_truth_items (item_id BIGINT, popularity DOUBLE, quality DOUBLE, "
                + "release_date DATE" + truthCols + ", dominant_genre VARCHAR)");
        long start = startEpochDay();
        try (DuckDBAppender meta = duck.appender("synthetic_items"); DuckDBAppender truth = duck.appender("synthetic_truth_items")) {
            StringBuilder listed = new StringBuilder();
            for (int i = 0; i < catalog.items; i++) {
                int release = (int) (start + catalog.releaseDay[i]);
                listed.setLength(0);
                for (int g : catalog.listedGenres(i)) {
                    if (listed.length() > 0) listed.append('|');
                    listed.append(names.get(g));
                }
                meta.beginRow().append(i + 1L).append(titleOf(names.get(catalog.dominant[i])) + " #" + (i + 1))
                        .append(listed.toString()).appendEpochDays(release).endRow();
                truth.beginRow().append(i + 1L).append(catalog.popularity[i]).append(catalog.quality[i]).appendEpochDays(release);
                for (int g = 0; g < catalog.genres; g++) truth.append(catalog.mix[i * catalog.genres + g]);
                truth.append(names.get(catalog.dominant[i])).endRow();
            }
        }
        duck.copyToParquet("SELECT * FROM synthetic_items", out.items());
        duck.copyToParquet("SELECT * FROM synthetic_truth_items", out.truthItems());
        duck.execute("DROP TABLE synthetic_items");
        duck.execute("DROP TABLE synthetic_truth_items");
    }

    private void writeTruthUsers(DuckSession duck, Audience a, int[] quitDay, long[] playCount, Path target) throws SQLException {
        StringBuilder tasteCols = new StringBuilder();
        for (String g : config.genres()) tasteCols.append(", ").append(Sql.ident("taste_" + g)).append(" DOUBLE");
        duck.execute("CREATE OR REPLACE TABLE synthetic_truth_users (user_id BIGINT, signup_date DATE, quit_date DATE, "
                + "events BIGINT, base_rate DOUBLE, trend_per_year DOUBLE, declining BOOLEAN, satisfaction DOUBLE, "
                + "hazard_multiplier DOUBLE, half_stars BOOLEAN" + tasteCols + ")");
        long start = startEpochDay();
        try (DuckDBAppender app = duck.appender("synthetic_truth_users")) {
            for (int u = 0; u < a.users; u++) {
                app.beginRow().append(u + 1L).appendEpochDays((int) (start + a.signupDay[u]));
                if (quitDay[u] < 0) app.appendNull();
                else app.appendEpochDays((int) (start + quitDay[u]));
                app.append(playCount[u]).append(a.baseRate[u]).append(a.trendPerYear[u]).append(a.declining[u])
                        .append(a.satisfaction[u]).append(a.hazardMultiplier[u]).append(a.halfStars[u]);
                for (int g = 0; g < a.genres; g++) app.append(a.taste[u * a.genres + g]);
                app.endRow();
            }
        }
        duck.copyToParquet("SELECT * FROM synthetic_truth_users", target);
        duck.execute("DROP TABLE synthetic_truth_users");
    }

    /** "science_fiction" becomes "Science fiction": catalog titles read like a service's placeholder names. */
    static String titleOf(String genre) {
        String s = genre.replace('_', ' ').replace('-', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
