package dev.ntg.eval.ranking;

final class Hits {
    private Hits() {
    }

    static int count(int[] ranked, RelevantSet relevant, int k) {
        int n = Math.min(k, ranked.length), hits = 0;
        for (int r = 0; r < n; r++) if (relevant.contains(ranked[r])) hits++;
        return hits;
    }
}
