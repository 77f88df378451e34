package dev.ntg.ranking;

import dev.ntg.concurrent.Parallel;
import dev.ntg.io.DuckSession;
import dev.ntg.io.Sql;
import org.duckdb.DuckDBAppender;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass over every TRAIN user: NTG's blended top N with, per item, its score, the component that contributed
 * most and the history item (graph components) or taste axis (taste affinity) behind it; and, for eval users only, every baseline's top N.
 */
final class Ranking {
    static final String FILLER = "filler";
    private final TrainData train;
    private final Models models;
    private final int[][] ntg;
    private final double[][] scores;
    private final byte[][] reason;
    private final int[][] because;
    private final int[][][] baseline;

    private Ranking(TrainData train, Models models, int n) {
        this.train = train;
        this.models = models;
        ntg = new int[train.nUsers][];
        scores = new double[train.nUsers][];
        reason = new byte[train.nUsers][];
        because = new int[train.nUsers][];
        baseline = new int[models.scorers().size()][train.nUsers][];
    }

    static Ranking run(TrainData train, Models models, Blend blend, dev.ntg.config.RankingConfig rc, boolean[] evalUser, int threads) {
        Ranking r = new Ranking(train, models, rc.topN());
        int[] comp = models.componentIdx();
        int nScorers = models.scorers().size();
        int[] all = java.util.stream.IntStream.range(0, train.nUsers).toArray();
        Parallel.forRange(threads, train.nUsers, () -> new Workspace(train, models.scorers()), (ws, from, to) -> {
            int[][] tops = new int[comp.length][];
            ws.forEachUser(all, from, to, rc.candidatesPerScorer(), u -> {
                Blend.Candidates cand = ws.candidates(comp, rc.candidatesPerScorer(), tops);
                int[] list = ws.blendTop(cand, blend.weights, rc.topN());
                double[] sc = new double[list.length];
                byte[] why = new byte[list.length];
                int[] from_ = new int[list.length];
                for (int t = 0; t < list.length; t++) {
                    int j = list[t];
                    int m = java.util.Arrays.binarySearch(cand.items(), j);
                    why[t] = -1;
                    from_[t] = -1;
                    if (m < 0) continue;
                    sc[t] = cand.score(blend.weights, m);
                    double best = 0;
                    for (int k = 0; k < comp.length; k++) {
                        double c = blend.weights[k] * cand.normalized()[k][m];
                        if (c > best) {
                            best = c;
                            why[t] = (byte) k;
                        }
                    }
                    if (why[t] >= 0) from_[t] = models.scorers().get(comp[why[t]]).because(ws.rows[comp[why[t]]], ws.excluded, j);
                }
                r.ntg[u] = list;
                r.scores[u] = sc;
                r.reason[u] = why;
                r.because[u] = from_;
                if (!evalUser[u]) return;
                for (int s = 0; s < nScorers; s++) {
                    int k = indexOf(comp, s);
                    r.baseline[s][u] = k >= 0 ? java.util.Arrays.copyOf(tops[k], Math.min(rc.topN(), tops[k].length)) : ws.top(s, rc.topN());
                }
            });
        });
        return r;
    }

    private static int indexOf(int[] a, int x) {
        for (int i = 0; i < a.length; i++) if (a[i] == x) return i;
        return -1;
    }

    /** NTG first, then every baseline, each a list per user index (baselines: eval users only). */
    Map<String, int[][]> lists() {
        Map<String, int[][]> m = new LinkedHashMap<>();
        m.put(WindowEvaluation.NTG, ntg);
        for (int s = 0; s < baseline.length; s++) m.put(models.scorers().get(s).name(), baseline[s]);
        return m;
    }

    /**
     * candidates.parquet: user_id, rank, item_id, score, reason, because_item_id (graph reasons), because_axis (the
     * taste axis id of axes.parquet, taste reasons), explanation; ordered by user, rank.
     */
    void write(DuckSession duck, Path items, Path target, int recentDays, String[] axisNames) {
        duck.execute("CREATE OR REPLACE TEMP TABLE rank_out (u INTEGER, rank INTEGER, i INTEGER, score DOUBLE, reason VARCHAR, because INTEGER,"
                + " axis INTEGER)");
        duck.execute("CREATE OR REPLACE TEMP TABLE rank_axes (axis INTEGER, name VARCHAR)");
        List<Scorer> comps = models.components();
        try (DuckDBAppender app = duck.appender("rank_out"); DuckDBAppender ax = duck.appender("rank_axes")) {
            for (int a = 0; axisNames != null && a < axisNames.length; a++) ax.beginRow().append(a + 1).append(axisNames[a]).endRow();
            for (int u = 0; u < train.nUsers; u++) {
                for (int t = 0; t < ntg[u].length; t++) {
                    int why = reason[u][t];
                    Scorer.Reason kind = why < 0 ? Scorer.Reason.NONE : comps.get(why).explains();
                    int from = because[u][t];
                    app.beginRow().append(u).append(t + 1).append(ntg[u][t]).append(scores[u][t])
                            .append(why < 0 ? FILLER : comps.get(why).name())
                            .append(kind == Scorer.Reason.ITEM ? from : -1).append(kind == Scorer.Reason.AXIS && from >= 0 ? from + 1 : -1).endRow();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot append ranking rows: " + e.getMessage(), e);
        }
        String title = "coalesce(m.title, b.item_id)";
        duck.copyToParquet("SELECT uu.user_id, o.rank, ii.item_id, o.score, o.reason, b.item_id AS because_item_id,"
                + " CASE WHEN o.axis > 0 THEN o.axis END AS because_axis, CASE o.reason"
                + " WHEN 'item_knn' THEN 'because you watched ' || " + title
                + " WHEN 'rp3beta' THEN 'people who watched ' || " + title + " || ' also watched this'"
                + " WHEN 'svd' THEN 'matches the taste profile of your history'"
                + " WHEN 'pure_svd' THEN 'matches the taste profile of your history'"
                + " WHEN 'taste_affinity' THEN coalesce('matches your taste for ' || ax.name, 'matches your taste profile')"
                + " WHEN 'popularity' THEN 'popular with everyone'"
                + " WHEN 'recent_popularity' THEN 'trending in the last " + recentDays + " days'"
                + " ELSE 'fills the list: no signal for this user' END AS explanation"
                + " FROM rank_out o JOIN " + train.userTable + " uu ON uu.idx = o.u JOIN " + train.itemTable + " ii ON ii.idx = o.i"
                + " LEFT JOIN " + train.itemTable + " b ON b.idx = o.because"
                + " LEFT JOIN rank_axes ax ON ax.axis = o.axis"
                + " LEFT JOIN (SELECT item_id, first(title ORDER BY title) AS title FROM " + DuckSession.parquet(items) + " GROUP BY item_id) m"
                + " ON m.item_id = b.item_id ORDER BY o.u, o.rank", target);
        duck.execute("DROP TABLE rank_axes");
        duck.execute("DROP TABLE rank_out");
    }
}
