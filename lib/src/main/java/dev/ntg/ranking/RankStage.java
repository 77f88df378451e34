package dev.ntg.ranking;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ntg.NtgException;
import dev.ntg.config.NtgConfig;
import dev.ntg.config.RankingConfig;
import dev.ntg.eval.ranking.UserBootstrap;
import dev.ntg.io.Artifact;
import dev.ntg.io.DuckSession;
import dev.ntg.io.Json;
import dev.ntg.report.Reports;
import dev.ntg.report.SchemaValidator;
import dev.ntg.run.Stage;
import dev.ntg.run.StageContext;
import dev.ntg.run.TrainView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.ntg.io.PathCatalog.*;

/**
 * Stage 05: fit the scorers on TRAIN, tune the blend on VAL, write every TRAIN user's top N with a reason
 * (candidates.parquet, from TRAIN and the VAL-tuned weights only), then evaluate NTG and every baseline on VAL
 * and, once, on TEST (ranking.json).
 */
public final class RankStage implements Stage {
    private static final Logger LOG = LoggerFactory.getLogger(RankStage.class);
    public static final String SCHEMA = "ranking.schema.json";
    /** The blend's components, in search order (the first starts at weight 1). */
    static final List<String> COMPONENTS = List.of("item_knn", "rp3beta", "svd", "pure_svd", "taste_affinity", "popularity", "recent_popularity");

    @Override
    public String name() {
        return "rank";
    }

    @Override
    public String description() {
        return "Rank: blended top-N per user with reasons, tuned on VAL, evaluated on TEST against baselines with bootstrap intervals.";
    }

    @Override
    public String manifestDir() {
        return "outputs/ranking";
    }

    @Override
    public List<Artifact> inputs(NtgConfig config) {
        List<Artifact> in = new ArrayList<>(List.of(TRAIN, VAL, TEST, SPLIT_MANIFEST, ITEMS, ITEM_EDGES, TASTE_AXES, ITEM_AXES, USER_TASTE));
        // The factors exist only when stage 04 writes them (taste.embeddings); without them the svd component is absent.
        // Users are folded in from their TRAIN items, so user_factors.parquet is not needed.
        if (config.taste().embeddings()) in.add(ITEM_FACTORS);
        return in;
    }

    @Override
    public List<Artifact> outputs(NtgConfig config) {
        return List.of(RANKING_BLEND, RANKING_CANDIDATES, RANKING_REPORT);
    }

    @Override
    public List<String> configSections() {
        // project.seed drives the SVD start and the bootstrap; threads do not change any output. taste.embeddings decides
        // whether the factor files are inputs.
        return List.of("ranking", "project", "taste");
    }

    @Override
    public void run(StageContext ctx) {
        RankingConfig rc = ctx.config().ranking();
        int threads = ctx.config().project().effectiveThreads();
        long seed = ctx.config().project().seed();
        DuckSession duck = ctx.duck();
        Map<String, Double> phase = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        TrainView tv = ctx.trainView();
        TrainData train = TrainData.load(tv, rc.recentDays());
        ItemNeighbors graph = ItemNeighbors.load(duck, ctx.input(ITEM_EDGES), train);
        if (graph.edges() == 0) LOG.warn("rank: the graph has no edges; item_knn and rp3beta will only fill lists by item id");
        boolean emb = ctx.config().taste().embeddings();
        TasteInputs taste = TasteInputs.load(duck, train, ctx.input(TASTE_AXES), ctx.input(ITEM_AXES), ctx.input(USER_TASTE),
                emb ? ctx.input(ITEM_FACTORS) : null);
        phase.put("load", seconds(t0));

        long t1 = System.nanoTime();
        Models models = Models.fit(train, graph, taste, rc, seed, threads);
        phase.put("fit", seconds(t1));

        WindowTruth val = WindowTruth.load(duck, "val", ctx.evaluationWindow(VAL), train);
        WindowTruth test = WindowTruth.load(duck, "test", ctx.evaluationWindow(TEST), train);

        long t2 = System.nanoTime();
        BlendTuning tuning = BlendTuning.tune(train, models, val, rc, seed, threads);
        phase.put("tune", seconds(t2));
        ObjectNode blendJson = tuning.toJson(rc);
        SchemaValidator.of(SCHEMA).check(Json.MAPPER.createObjectNode().set("blend", blendJson), "outputs/ranking/blend.json");
        Json.write(ctx.output(RANKING_BLEND), blendJson);

        long t3 = System.nanoTime();
        boolean[] evalUser = new boolean[train.nUsers];
        for (int u : val.users()) evalUser[u] = true;
        for (int u : test.users()) evalUser[u] = true;
        Ranking ranking = Ranking.run(train, models, tuning.blend(), rc, evalUser, threads);
        phase.put("rank_users", seconds(t3));
        long t4 = System.nanoTime();
        ranking.write(duck, ctx.input(ITEMS), ctx.output(RANKING_CANDIDATES), rc.recentDays(), taste.axisNames());
        phase.put("write", seconds(t4));

        long t5 = System.nanoTime();
        Segments segments = new Segments(train, rc.lightQuantile(), rc.heavyQuantile(), rc.headShare());
        WindowEvaluation eval = new WindowEvaluation(train, rc, new UserBootstrap(rc.bootstrapResamples(), rc.confidence(), seed), segments,
                threads);
        Map<String, int[][]> lists = ranking.lists();
        ObjectNode report = Json.MAPPER.createObjectNode();
        report.put("schema_version", "3");
        report.set("protocol", protocol(rc, train, graph, models, segments));
        report.set("blend", blendJson);
        ObjectNode windows = report.putObject("windows");
        windows.set("val", eval.evaluate(val, lists));
        windows.set("test", eval.evaluate(test, lists));
        report.set("backtest", Backtest.run(tv, rc, tuning.blend().asMap(), seed, threads));
        phase.put("evaluate", seconds(t5));
        report.set("summary", summary(windows, rc));
        Reports.write(ctx, RANKING_REPORT, SCHEMA, report);

        double total = seconds(t0);
        ctx.metric("users_ranked", train.nUsers);
        ctx.metric("items", train.nItems);
        ctx.metric("val_eval_users", val.users().length);
        ctx.metric("test_eval_users", test.users().length);
        ctx.metric("users_per_second", Math.round(train.nUsers / Math.max(phase.get("rank_users"), 1e-6)));
        ctx.metric("ease", models.ease() != null);
        ctx.metric("phase_seconds", phase);
        ctx.metric("dot_product_share_scored", dotProductShares(models));
        ctx.metric("seconds", total);
        if (!test.empty() && report.at("/windows/test/models/ntg/metrics/ndcg@" + rc.tuneK()).isObject()) {
            ctx.metric("test_ndcg@" + rc.tuneK(), report.at("/windows/test/models/ntg/metrics/ndcg@" + rc.tuneK() + "/estimate").asDouble());
        }
    }

    /** Per dot-product scorer, the share of users × items its exact top lists needed scored (the rest were bounded out). */
    private static Map<String, Double> dotProductShares(Models models) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Scorer s : models.scorers()) {
            if (!(s instanceof DotProductScorer d)) continue;
            double share = d.scoredShare();
            if (!Double.isNaN(share)) out.put(s.name(), Math.round(share * 1e4) / 1e4);
        }
        return out;
    }

    private static double seconds(long from) {
        return Math.round((System.nanoTime() - from) / 1e6) / 1e3;
    }

    private static ObjectNode protocol(RankingConfig rc, TrainData train, ItemNeighbors graph, Models models, Segments seg) {
        ObjectNode p = Json.MAPPER.createObjectNode();
        p.put("eval_users", "users with >= 1 TRAIN event and >= 1 event in the window on an item not in their TRAIN history");
        p.put("relevant_items", "the distinct window items not in the user's TRAIN history; items absent from TRAIN stay in the relevant set"
                + " (cold start: no ranker can retrieve them) and are counted per window");
        p.put("history", "TRAIN only, for VAL and TEST alike: the same list per user is scored on both windows");
        p.put("candidate_pool", "TRAIN items not in the user's TRAIN history; every model ranks this pool");
        p.put("ties", "equal scores are ordered by item id ascending; items a model does not score count as 0");
        p.put("ntg", "NTG generates candidates as the union of each blend component's top " + rc.candidatesPerScorer()
                + " unseen items and reranks them by the weighted sum of component scores, each divided by that component's best unseen score"
                + " for the user");
        p.put("tuning", "blend weights chosen on VAL only (coordinate ascent over ranking.blend_grid maximizing NDCG@" + rc.tuneK()
                + "), then frozen; TEST is evaluated once with them");
        p.put("metrics", "binary relevance; NDCG@K (log2 discount, ideal over min(|R|,K)), Recall@K = hits/|R|, Precision@K = hits/K,"
                + " MAP@K = sum of precision at hits / min(|R|,K), MRR over the whole top-" + rc.topN() + " list, HitRate@K;"
                + " means over eval users");
        p.put("intervals", rc.bootstrapResamples() == 0 ? "none (ranking.bootstrap_resamples = 0)"
                : "percentile bootstrap over users, " + rc.bootstrapResamples() + " resamples, level " + rc.confidence()
                + "; paired intervals resample per-user differences NTG minus baseline");
        p.put("segments", "users: light (TRAIN events <= " + seg.lightMax + "), medium, heavy (> " + seg.heavyMin + "); items: head ("
                + seg.headItems + " most popular items covering " + rc.headShare() + " of TRAIN interactions) and tail (incl. cold-start)");
        p.put("train_users", train.nUsers);
        p.put("train_items", train.nItems);
        p.put("graph_edges", graph.edges());
        ArrayNode ks = p.putArray("ks");
        rc.ks().forEach(ks::add);
        p.put("top_n", rc.topN());
        ObjectNode models_ = p.putObject("models");
        models_.put("ntg", "the VAL-tuned blend of " + String.join(", ", models.components().stream().map(Scorer::name).toList()));
        for (Scorer s : models.baselines()) models_.put(s.name(), s.description());
        p.put("backtest_components", "each rolling-origin fold refits on its own TRAIN prefix only what it can: " + String.join(", ", Backtest.REFIT)
                + " (and ease as a baseline; the graph as a cosine top-" + Backtest.FOLD_GRAPH_TOP_K + " graph of the prefix). svd and taste_affinity"
                + " come from stage 04, fitted on all of TRAIN, which contains every fold's window: they are left out of the folds (weight 0 in"
                + " the folds' blend, the other VAL-tuned weights unchanged; item_knn alone if none is left), so the backtest's ntg is the blend"
                + " of the refittable components");
        ObjectNode skipped = p.putObject("skipped_models");
        if (models.scorers().stream().noneMatch(s -> s.name().equals("svd"))) {
            skipped.put("svd", "taste.embeddings is false, so stage 04 wrote no outputs/embeddings/item_factors.parquet (pure_svd remains)");
        }
        if (models.ease() == null) {
            skipped.put("ease", rc.easeMaxItems() == 0 ? "disabled (ranking.ease_max_items = 0)"
                    : "the TRAIN catalog has " + train.nItems + " items, above ranking.ease_max_items = " + rc.easeMaxItems()
                    + " (EASE^R needs a dense n x n inverse)");
        }
        return p;
    }

    private static ObjectNode summary(ObjectNode windows, RankingConfig rc) {
        ObjectNode s = Json.MAPPER.createObjectNode();
        String key = "ndcg@" + rc.tuneK();
        s.put("headline_metric", key);
        for (String w : List.of("val", "test")) {
            ObjectNode win = (ObjectNode) windows.get(w);
            ObjectNode o = s.putObject(w);
            o.put("status", win.get("status").asText());
            if (!win.get("status").asText().equals("ok")) continue;
            win.get("models").fields().forEachRemaining(e -> o.put(e.getKey(), e.getValue().at("/metrics/" + key + "/estimate").asDouble()));
            ObjectNode beats = o.putObject("ntg_beats_baseline_significantly");
            win.get("paired_vs_ntg").fields().forEachRemaining(e -> {
                var low = e.getValue().at("/" + key + "/low");
                beats.put(e.getKey(), low.isNumber() && low.asDouble() > 0);
            });
        }
        return s;
    }

    static NtgException noUsers(String what) {
        return new NtgException(what);
    }
}
