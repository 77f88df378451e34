package dev.ntg.ranking;

import dev.ntg.config.RankingConfig;

import java.util.ArrayList;
import java.util.List;

/**
 * Every scorer fitted on one TRAIN: the blend's components and the baselines (the same objects). {@code taste}
 * (stage 04's artifacts) is null inside backtest folds, which cannot reuse anything fitted on all of TRAIN; the
 * components built from it are then absent.
 */
record Models(List<Scorer> scorers, int[] componentIdx, EaseScorer ease) {
    static Models fit(TrainData train, ItemNeighbors graph, TasteInputs taste, RankingConfig rc, long seed, int threads) {
        List<Scorer> s = new ArrayList<>();
        int depth = rc.candidatesPerScorer();
        s.add(new PopularityScorer("popularity", "all-time popularity: distinct TRAIN users", train.popularity, depth));
        s.add(new PopularityScorer("recent_popularity", "recent popularity: distinct users in the last " + rc.recentDays() + " days of TRAIN",
                train.recentPopularity, depth));
        s.add(new ItemKnnScorer(graph));
        s.add(new Rp3BetaScorer(graph, train.popularity, rc.rp3Alpha(), rc.rp3Beta()));
        if (taste != null && taste.itemFactors() != null) {
            s.add(new EmbeddingScorer("svd", "SVD on stage 04's factors: rank-" + taste.rank() + " item factors V Sigma^1/2 of the log(1 + events)"
                    + " TRAIN matrix (outputs/embeddings/item_factors.parquet), user = sum of the factors of their TRAIN items", taste.itemFactors(), taste.rank()));
        }
        TruncatedSvd.Factors f = TruncatedSvd.fit(train, rc.svdFactors(), rc.svdPowerIterations(), seed ^ 0x5EED5EEDL, threads);
        s.add(new EmbeddingScorer("pure_svd", "PureSVD fitted in this stage: rank-" + f.k() + " truncated SVD of the binary TRAIN matrix,"
                + " user = sum of item factors", f.itemFactors(), f.k()));
        if (taste != null) s.add(new TasteAffinityScorer(taste));
        EaseScorer ease = null;
        if (rc.easeMaxItems() > 0 && train.nItems <= rc.easeMaxItems()) {
            ease = new EaseScorer(train, rc.easeLambda(), threads);
            s.add(ease);
        }
        List<String> names = s.stream().map(Scorer::name).toList();
        int[] comp = RankStage.COMPONENTS.stream().mapToInt(names::indexOf).filter(i -> i >= 0).toArray();
        return new Models(List.copyOf(s), comp, ease);
    }

    /** Every scorer alone is a baseline. */
    List<Scorer> baselines() {
        return scorers;
    }

    /** The blend's components present here, in search order. */
    List<Scorer> components() {
        List<Scorer> c = new ArrayList<>();
        for (int i : componentIdx) c.add(scorers.get(i));
        return c;
    }
}
