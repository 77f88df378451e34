package dev.ntg.taste;

import dev.ntg.NtgException;
import dev.ntg.config.TasteConfig;
import dev.ntg.io.DuckSession;
import dev.ntg.io.Sql;
import dev.ntg.report.Reports;
import dev.ntg.run.Provenance;
import dev.ntg.run.TrainView;
import org.duckdb.DuckDBAppender;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;

/**
 * Runs stage 04 on a TRAIN view: fits the axes, profiles users, labels and checks the axes, refits for the
 * stability report, compares with planted truth when there is one, fits the latent factors and writes everything.
 */
public final class TasteBuilder {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(TasteBuilder.class);
    /** Decimals kept for loadings and scores in the Parquet files (readable; far below any meaningful difference). */
    static final int DECIMALS = 6;

    /** Where things are read from and written to; {@code truthItems}/{@code truthUsers} null unless synthetic. */
    public record Files(Path items, Path edges, Path truthItems, Path truthUsers, List<String> truthGenres, Path axesOut, Path itemAxesOut,
                        Path userTasteOut, Path diagnosticsOut, Path userFactorsOut, Path itemFactorsOut) {
    }

    public record Result(TasteDiagnostics diagnostics, Map<String, Double> phaseSeconds, int solverSteps) {
    }

    private TasteBuilder() {
    }

    public static Result build(TrainView train, TasteConfig c, long projectSeed, int threads, Files f, Provenance provenance) {
        Map<String, Double> phases = new LinkedHashMap<>();
        long seed = projectSeed + c.seedOffset();
        DuckSession duck = train.duck();
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try {
            long t = System.nanoTime();
            TasteData d = TasteData.load(train, c.earlyFraction());
            if (c.k() > d.nItems) {
                throw new NtgException("build-taste: taste.k = " + c.k() + " exceeds the " + d.nItems + " items in TRAIN: set taste.k to at most " + d.nItems);
            }
            t = lap(phases, "load", t);
            AxisFit fit = SpectralAxes.fit(d, null, c.k(), c.dimsPerAxis(), c.degreeRegularization(), c.minItemUsers(), c.kmeansRestarts(), seed, null, pool);
            t = lap(phases, "axes", t);
            TasteProfiles profiles = TasteProfiles.of(d, fit.loadings(), c.k(), c.smoothing());
            Meta meta = Meta.load(duck, f.items(), d.nItems);
            List<TasteDiagnostics.Axis> axisRows = new ArrayList<>();
            List<int[]> top = new ArrayList<>();
            List<AxisLabels.Label> labels = describe(d, fit, profiles, meta, c.topN(), top);
            double[] cohesion = new double[c.k()];
            TasteDiagnostics.Cohesion graphCohesion = cohesion(duck, f.edges(), fit, cohesion);
            long[] sizes = fit.sizes();
            double[] userShare = profiles.userShares();
            for (int a = 0; a < c.k(); a++) {
                axisRows.add(new TasteDiagnostics.Axis(a + 1, labels.get(a).label(), labels.get(a).genres(), sizes[a], userShare[a], cohesion[a]));
            }
            t = lap(phases, "profiles_labels", t);
            TasteDiagnostics.Stability stability = stability(d, fit, c, seed, pool);
            t = lap(phases, "stability", t);
            Recovery recovery = f.truthItems() == null ? null : recovery(duck, f, d, fit, profiles);
            t = lap(phases, "recovery", t);
            LatentFactors factors = c.embeddings() ? LatentFactors.fit(d, c.embeddingRank(), seed + 99, pool) : null;
            t = lap(phases, "embeddings", t);

            writeItemAxes(duck, d, fit, f.itemAxesOut());
            writeUserTaste(duck, d, profiles, f.userTasteOut());
            writeAxes(duck, fit, axisRows, labels, top, meta, f.axesOut());
            if (factors != null) {
                writeFactors(duck, TasteData.ITEM_TABLE, "item_id", factors.itemFactors(), f.itemFactorsOut());
                writeFactors(duck, TasteData.USER_TABLE, "user_id", factors.userFactors(), f.userFactorsOut());
            }
            long shaping = 0;
            for (boolean s : fit.shaping()) if (s) shaping++;
            TasteDiagnostics diag = new TasteDiagnostics("2", TasteDiagnostics.METHOD,
                    new TasteDiagnostics.Settings(c.k(), c.dimsPerAxis(), c.degreeRegularization(), c.minItemUsers(), c.topN(), c.smoothing(), c.kmeansRestarts(), c.bootstrap(), c.earlyFraction(),
                            seed, c.embeddings(), c.embeddingRank()),
                    new TasteDiagnostics.Data(d.trainEvents, d.nUsers, d.nItems, d.items.length, shaping), boxed(fit.spectrum()), fit.distortion(),
                    axisRows, graphCohesion, stability, recovery,
                    factors == null ? null : new TasteDiagnostics.Embeddings(factors.rank(), LatentFactors.WEIGHTING, boxed(factors.singularValues()),
                            factors.explainedVariance()));
            Reports.write(f.diagnosticsOut(), "taste_diagnostics.json", TasteDiagnostics.SCHEMA, diag, provenance);
            lap(phases, "write", t);
            return new Result(diag, phases, fit.solverSteps());
        } finally {
            pool.shutdown();
        }
    }

    private static long lap(Map<String, Double> phases, String name, long since) {
        long now = System.nanoTime();
        phases.put(name, Math.round((now - since) / 1e7) / 100.0);
        return now;
    }

    private static List<Double> boxed(double[] v) {
        return Arrays.stream(v).boxed().toList();
    }

    /** Titles and genres of the TRAIN items (from items.parquet; absent for sources without metadata). */
    record Meta(String[] ids, String[] titles, List<List<String>> genres, boolean hasGenres) {
        static Meta load(DuckSession duck, Path items, int n) {
            String[] ids = new String[n], titles = new String[n];
            List<List<String>> genres = new ArrayList<>(java.util.Collections.nCopies(n, List.<String>of()));
            boolean[] any = {false};
            duck.forEach("SELECT t.idx, t.item_id, m.title, m.genres FROM " + TasteData.ITEM_TABLE + " t LEFT JOIN " + DuckSession.parquet(items)
                    + " m ON CAST(m.item_id AS VARCHAR) = t.item_id ORDER BY t.idx", rs -> {
                int i = rs.getInt(1);
                ids[i] = rs.getString(2);
                titles[i] = rs.getString(3);
                List<String> g = AxisLabels.parseGenres(rs.getString(4));
                if (!g.isEmpty()) any[0] = true;
                genres.set(i, g);
            });
            return new Meta(ids, titles, genres, any[0]);
        }

        String name(int i) {
            return titles[i] != null && !titles[i].isBlank() ? titles[i] : ids[i];
        }
    }

    /** Per axis: its top items (members by loading × ln(1 + users)) and its label. */
    private static List<AxisLabels.Label> describe(TasteData d, AxisFit fit, TasteProfiles p, Meta meta, int topN, List<int[]> topOut) {
        int k = fit.k();
        Map<String, Double> share = AxisLabels.catalogShare(meta.genres());
        List<AxisLabels.Label> labels = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            final int axis = a;
            int[] members = java.util.stream.IntStream.range(0, d.nItems).filter(i -> fit.dominant()[i] == axis).toArray();
            double[] rep = new double[d.nItems];
            for (int i : members) rep[i] = fit.loadings()[i][axis] * Math.log1p(d.itemDegree(i));
            int[] top = Arrays.stream(members).boxed().sorted((x, y) -> rep[x] != rep[y] ? Double.compare(rep[y], rep[x]) : Integer.compare(x, y))
                    .limit(topN).mapToInt(Integer::intValue).toArray();
            topOut.add(top);
            List<String> names = Arrays.stream(top).mapToObj(meta::name).toList();
            labels.add(AxisLabels.of(members, meta.genres(), share, names));
        }
        return labels;
    }

    /** Within-axis share of the stage-03 graph's edge similarity, per source axis and overall. */
    private static TasteDiagnostics.Cohesion cohesion(DuckSession duck, Path edges, AxisFit fit, double[] perAxis) {
        int k = fit.k();
        double[] within = new double[k], total = new double[k];
        long[] count = {0};
        int[] dom = fit.dominant();
        duck.forEach("SELECT s.idx, d.idx, e.similarity FROM " + DuckSession.parquet(edges) + " e JOIN " + TasteData.ITEM_TABLE + " s ON s.item_id = e.src JOIN "
                + TasteData.ITEM_TABLE + " d ON d.item_id = e.dst ORDER BY s.idx, d.idx", rs -> {
            int a = dom[rs.getInt(1)], b = dom[rs.getInt(2)];
            double w = Math.max(0, rs.getDouble(3));
            count[0]++;
            total[a] += w;
            if (a == b) within[a] += w;
        });
        double w = 0, t = 0;
        for (int a = 0; a < k; a++) {
            perAxis[a] = total[a] == 0 ? 0 : within[a] / total[a];
            w += within[a];
            t += total[a];
        }
        long[] sizes = fit.sizes();
        long n = Arrays.stream(sizes).sum();
        double expected = 0;
        for (long s : sizes) expected += n == 0 ? 0 : ((double) s / n) * ((double) s / n);
        return new TasteDiagnostics.Cohesion(count[0], t == 0 ? 0 : w / t, expected);
    }

    private static TasteDiagnostics.Stability stability(TasteData d, AxisFit full, TasteConfig c, long seed, ForkJoinPool pool) {
        List<TasteDiagnostics.Resample> rows = new ArrayList<>();
        // As many k-means restarts as the full fit: with 3 instead of 10 the early refit at 10M events fell into a worse
        // optimum (ARI 0.65 instead of 0.84), which would report the solver's luck as instability.
        int restarts = c.kmeansRestarts();
        double ariSum = 0, overlapSum = 0;
        for (int b = 0; b < c.bootstrap(); b++) {
            SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + b);
            double[] mult = new double[d.nUsers];
            for (int x = 0; x < d.nUsers; x++) mult[rng.nextInt(d.nUsers)]++;
            AxisFit re = SpectralAxes.fit(d, mult, c.k(), c.dimsPerAxis(), c.degreeRegularization(), c.minItemUsers(), restarts, seed + 1000L * (b + 1),
                    full.warmStart(), pool);
            Agreement g = Agreement.of(full, re);
            rows.add(new TasteDiagnostics.Resample("bootstrap", b + 1, g.items(), g.ari(), g.matchedOverlap()));
            ariSum += g.ari();
            overlapSum += g.matchedOverlap();
            LOG.info("build-taste: bootstrap {} ARI {} ({} solver steps)", b + 1, String.format("%.3f", g.ari()), re.solverSteps());
        }
        Double earlyAri = null, earlyOverlap = null;
        if (c.earlyFraction() > 0) {
            AxisFit re = SpectralAxes.fit(d.early(), null, c.k(), c.dimsPerAxis(), c.degreeRegularization(), c.minItemUsers(), restarts, seed + 500,
                    full.warmStart(), pool);
            Agreement g = Agreement.of(full, re);
            rows.add(new TasteDiagnostics.Resample("early", 1, g.items(), g.ari(), g.matchedOverlap()));
            earlyAri = g.ari();
            earlyOverlap = g.matchedOverlap();
        }
        return new TasteDiagnostics.Stability(rows, c.bootstrap() == 0 ? null : ariSum / c.bootstrap(),
                c.bootstrap() == 0 ? null : overlapSum / c.bootstrap(), earlyAri, earlyOverlap);
    }

    private static Recovery recovery(DuckSession duck, Files f, TasteData d, AxisFit fit, TasteProfiles p) {
        List<String> genres = f.truthGenres();
        int[] planted = new int[d.nItems];
        double[] weight = new double[d.nItems];
        Arrays.fill(planted, -1);
        StringBuilder mix = new StringBuilder();
        for (String g : genres) mix.append(mix.length() == 0 ? "" : ", ").append("tr.").append(Sql.ident("mix_" + g));
        duck.forEach("SELECT t.idx, tr.dominant_genre, greatest(" + mix + ") FROM " + TasteData.ITEM_TABLE + " t JOIN " + DuckSession.parquet(f.truthItems())
                + " tr ON CAST(tr.item_id AS VARCHAR) = t.item_id", rs -> {
            planted[rs.getInt(1)] = genres.indexOf(rs.getString(2));
            weight[rs.getInt(1)] = rs.getDouble(3);
        });
        double[][] taste = new double[d.nUsers][];
        StringBuilder cols = new StringBuilder();
        for (String g : genres) cols.append(", tu.").append(Sql.ident("taste_" + g));
        duck.forEach("SELECT u.idx" + cols + " FROM " + TasteData.USER_TABLE + " u JOIN " + DuckSession.parquet(f.truthUsers())
                + " tu ON CAST(tu.user_id AS VARCHAR) = u.user_id", rs -> {
            double[] v = new double[genres.size()];
            for (int g = 0; g < v.length; g++) v[g] = rs.getDouble(g + 2);
            taste[rs.getInt(1)] = v;
        });
        return Recovery.of(fit.dominant(), planted, weight, p.scores(), taste, genres, fit.k());
    }

    static double[] rounded(double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) r[i] = AxisLabels.round(v[i], DECIMALS);
        return r;
    }

    private static void writeItemAxes(DuckSession duck, TasteData d, AxisFit fit, Path target) {
        duck.execute("CREATE OR REPLACE TEMP TABLE taste_item_rows (idx INTEGER, dominant_axis INTEGER, dominant_loading DOUBLE, loadings DOUBLE[],"
                + " users BIGINT, events BIGINT, shaping BOOLEAN)");
        long[] events = new long[d.nItems];
        for (int q = 0; q < d.items.length; q++) events[d.items[q]] += d.events[q];
        try (DuckDBAppender app = duck.appender("taste_item_rows")) {
            for (int i = 0; i < d.nItems; i++) {
                double[] l = rounded(fit.loadings()[i]);
                int a = fit.dominant()[i];
                app.beginRow().append(i).append(a + 1).append(l[a]).append(l).append((long) d.itemDegree(i)).append(events[i])
                        .append(fit.shaping()[i]).endRow();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append item axes: " + e.getMessage(), e);
        }
        duck.copyToParquet("SELECT t.item_id, r.dominant_axis, r.dominant_loading, r.loadings, r.users, r.events, r.shaping FROM taste_item_rows r JOIN "
                + TasteData.ITEM_TABLE + " t USING (idx) ORDER BY t.item_id", target);
        duck.execute("DROP TABLE taste_item_rows");
    }

    private static void writeUserTaste(DuckSession duck, TasteData d, TasteProfiles p, Path target) {
        duck.execute("CREATE OR REPLACE TEMP TABLE taste_user_rows (idx INTEGER, dominant_axis INTEGER, scores DOUBLE[], diversity DOUBLE,"
                + " items BIGINT, events BIGINT)");
        try (DuckDBAppender app = duck.appender("taste_user_rows")) {
            for (int u = 0; u < d.nUsers; u++) {
                long events = 0;
                for (int q = d.userPtr[u]; q < d.userPtr[u + 1]; q++) events += d.events[q];
                app.beginRow().append(u).append(p.dominant()[u] + 1).append(rounded(p.scores()[u])).append(AxisLabels.round(p.diversity()[u], DECIMALS))
                        .append((long) (d.userPtr[u + 1] - d.userPtr[u])).append(events).endRow();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append user taste: " + e.getMessage(), e);
        }
        duck.copyToParquet("SELECT t.user_id, r.dominant_axis, r.scores, r.diversity, r.items, r.events FROM taste_user_rows r JOIN "
                + TasteData.USER_TABLE + " t USING (idx) ORDER BY t.user_id", target);
        duck.execute("DROP TABLE taste_user_rows");
    }

    private static void writeAxes(DuckSession duck, AxisFit fit, List<TasteDiagnostics.Axis> axes, List<AxisLabels.Label> labels, List<int[]> top,
                                  Meta meta, Path target) {
        duck.execute("CREATE OR REPLACE TEMP TABLE taste_axis_rows (axis INTEGER, label VARCHAR, size BIGINT, user_share DOUBLE, cohesion DOUBLE)");
        duck.execute("CREATE OR REPLACE TEMP TABLE taste_axis_top (axis INTEGER, rank INTEGER, idx INTEGER, title VARCHAR, loading DOUBLE)");
        duck.execute("CREATE OR REPLACE TEMP TABLE taste_axis_genres (axis INTEGER, rank INTEGER, genre VARCHAR, lift DOUBLE)");
        try (DuckDBAppender rows = duck.appender("taste_axis_rows"); DuckDBAppender tops = duck.appender("taste_axis_top");
             DuckDBAppender gen = duck.appender("taste_axis_genres")) {
            for (int a = 0; a < axes.size(); a++) {
                TasteDiagnostics.Axis x = axes.get(a);
                rows.beginRow().append(x.axis()).append(x.label()).append(x.size()).append(x.userShare()).append(x.cohesion()).endRow();
                int[] t = top.get(a);
                for (int r = 0; r < t.length; r++) {
                    tops.beginRow().append(x.axis()).append(r + 1).append(t[r]).append(meta.name(t[r]))
                            .append(AxisLabels.round(fit.loadings()[t[r]][a], DECIMALS)).endRow();
                }
                AxisLabels.Label l = labels.get(a);
                for (int r = 0; r < l.genres().size(); r++) {
                    gen.beginRow().append(x.axis()).append(r + 1).append(l.genres().get(r)).append(l.lifts().get(r)).endRow();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append axes: " + e.getMessage(), e);
        }
        duck.copyToParquet("SELECT r.axis, r.label, COALESCE(g.genres, []::VARCHAR[]) AS genres, COALESCE(g.lifts, []::DOUBLE[]) AS genre_lifts,"
                + " r.size, r.user_share, r.cohesion, COALESCE(t.items, []::VARCHAR[]) AS top_items, COALESCE(t.titles, []::VARCHAR[]) AS top_titles,"
                + " COALESCE(t.loadings, []::DOUBLE[]) AS top_loadings FROM taste_axis_rows r"
                + " LEFT JOIN (SELECT x.axis, list(i.item_id ORDER BY x.rank) AS items, list(x.title ORDER BY x.rank) AS titles,"
                + " list(x.loading ORDER BY x.rank) AS loadings FROM taste_axis_top x JOIN " + TasteData.ITEM_TABLE + " i USING (idx) GROUP BY x.axis) t USING (axis)"
                + " LEFT JOIN (SELECT axis, list(genre ORDER BY rank) AS genres, list(lift ORDER BY rank) AS lifts FROM taste_axis_genres GROUP BY axis) g USING (axis)"
                + " ORDER BY r.axis", target);
        duck.execute("DROP TABLE taste_axis_rows");
        duck.execute("DROP TABLE taste_axis_top");
        duck.execute("DROP TABLE taste_axis_genres");
    }

    private static void writeFactors(DuckSession duck, String idTable, String idColumn, double[][] factors, Path target) {
        duck.execute("CREATE OR REPLACE TEMP TABLE taste_factor_rows (idx INTEGER, factors DOUBLE[])");
        try (DuckDBAppender app = duck.appender("taste_factor_rows")) {
            for (int i = 0; i < factors.length; i++) app.beginRow().append(i).append(factors[i]).endRow();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append factors: " + e.getMessage(), e);
        }
        duck.copyToParquet("SELECT t." + idColumn + ", r.factors FROM taste_factor_rows r JOIN " + idTable + " t USING (idx) ORDER BY t." + idColumn, target);
        duck.execute("DROP TABLE taste_factor_rows");
    }
}
