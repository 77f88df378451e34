package dev.ntg.ranking;

import dev.ntg.config.RankingConfig;

import java.util.ArrayList;
import java.util.List;

/** Every scorer fitted on one TRAIN: the blend's components and the baselines (the same objects). */
record Models(List<Scorer> scorers, int[] componentIdx, EaseScorer ease) {
    static Models fit(TrainData train, ItemNeighbors graph, RankingConfig rc, long seed, int threads) {
        List<Scorer> s = new ArrayList<>();
        int depth = rc.candidatesPerScorer();
        s.add(new PopularityScorer("popularity", "all-time popularity: distinct TRAIN users", train.popularity, depth));
        s.add(new PopularityScorer("recent_popularity", "recent popularity: distinct users in the last " + rc.recentDays() + " days of TRAIN",
                train.recentPopularity, depth));
        s.add(new ItemKnnScorer(graph));
        s.add(new Rp3BetaScorer(graph, train.popularity, rc.rp3Alpha(), rc.rp3Beta()));
        TruncatedSvd.Factors f = TruncatedSvd.fit(train, rc.svdFactors(), rc.svdPowerIterations(), seed ^ 0x5EED5EEDL, threads);
        s.add(new EmbeddingScorer("svd", "PureSVD: rank-" + f.k() + " truncated SVD of the binary TRAIN matrix, user = sum of item factors",
                f.itemFactors(), f.k()));
        EaseScorer ease = null;
        if (rc.easeMaxItems() > 0 && train.nItems <= rc.easeMaxItems()) {
            ease = new EaseScorer(train, rc.easeLambda(), threads);
            s.add(ease);
        }
        int[] comp = new int[RankStage.COMPONENTS.size()];
        for (int c = 0; c < comp.length; c++) {
            String name = RankStage.COMPONENTS.get(c);
            comp[c] = s.stream().map(Scorer::name).toList().indexOf(name);
        }
        return new Models(List.copyOf(s), comp, ease);
    }

    /** Every scorer alone is a baseline. */
    List<Scorer> baselines() {
        return scorers;
    }
}
