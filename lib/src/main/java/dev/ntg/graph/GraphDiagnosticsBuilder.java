package dev.ntg.graph;

import dev.ntg.config.GraphConfig;

/** Computes {@link GraphDiagnostics} from the graph and the loaded histories. */
final class GraphDiagnosticsBuilder {
    private GraphDiagnosticsBuilder() {
    }

    static GraphDiagnostics of(ItemGraph g, InteractionLoader.Loaded loaded, GraphConfig config) {
        int n = g.items();
        Interactions x = loaded.interactions();
        long edges = g.edges();
        long withInteractions = 0, withNeighbours = 0;
        long[] inDegree = new long[n];
        double[] outDeg = new double[n];
        double[] sims = new double[(int) edges];
        double[] counts = new double[(int) edges];
        int e = 0;
        for (int i = 0; i < n; i++) {
            if (x.itemDegree(i) > 0) withInteractions++;
            int[] d = g.dst[i];
            outDeg[i] = d.length;
            if (d.length > 0) withNeighbours++;
            for (int r = 0; r < d.length; r++) {
                inDegree[d[r]]++;
                sims[e] = g.similarity[i][r];
                counts[e] = g.count[i][r];
                e++;
            }
        }
        double[] inDeg = new double[n];
        for (int i = 0; i < n; i++) inDeg[i] = inDegree[i];

        GraphDiagnostics.Settings settings = new GraphDiagnostics.Settings(config.measure(), config.cooccurrence(), config.windowHours(),
                config.weighting(), config.userDownweight(), config.userCap(), config.minSupport(), config.topK());
        ItemGraph.Stats s = g.stats();
        return new GraphDiagnostics("2", settings, n, withInteractions, edges, n == 0 ? 0 : (double) withNeighbours / n,
                GraphDiagnostics.Distribution.of(outDeg), GraphDiagnostics.Distribution.of(inDeg), hubness(inDegree, edges),
                GraphDiagnostics.Distribution.of(sims), GraphDiagnostics.Distribution.of(counts), components(g, inDegree),
                popularityBias(g, loaded.itemPopularity()),
                new GraphDiagnostics.Pairs(s.pairsCounted(), s.distinctPairs(), s.belowMinSupport(), s.prunedByTopK(), s.edges()),
                loaded.caps());
    }

    static GraphDiagnostics.Hubness hubness(long[] inDegree, long edges) {
        int n = inDegree.length;
        long[] sorted = inDegree.clone();
        java.util.Arrays.sort(sorted);
        long zero = 0;
        double weighted = 0;
        for (int k = 0; k < n; k++) {
            if (sorted[k] == 0) zero++;
            weighted += (double) (k + 1) * sorted[k];
        }
        double gini = edges == 0 || n == 0 ? 0 : 2.0 * weighted / ((double) n * edges) - (n + 1.0) / n;
        long top = n == 0 ? 0 : (long) Math.ceil(0.01 * n);
        long topEdges = 0;
        for (int k = 0; k < top; k++) topEdges += sorted[n - 1 - k];
        return new GraphDiagnostics.Hubness(gini, n == 0 ? 0 : sorted[n - 1], top, edges == 0 ? 0 : (double) topEdges / edges, zero);
    }

    static GraphDiagnostics.Components components(ItemGraph g, long[] inDegree) {
        int n = g.items();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        for (int i = 0; i < n; i++) {
            for (int j : g.dst[i]) {
                int a = find(parent, i), b = find(parent, j);
                if (a != b) parent[Math.max(a, b)] = Math.min(a, b);
            }
        }
        int[] size = new int[n];
        long count = 0, largest = 0, isolated = 0;
        for (int i = 0; i < n; i++) size[find(parent, i)]++;
        for (int i = 0; i < n; i++) {
            if (size[i] > 0) {
                count++;
                largest = Math.max(largest, size[i]);
            }
            if (g.dst[i].length == 0 && inDegree[i] == 0) isolated++;
        }
        return new GraphDiagnostics.Components(count, largest, n == 0 ? 0 : (double) largest / n, isolated);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    static GraphDiagnostics.PopularityBias popularityBias(ItemGraph g, long[] popularity) {
        int n = g.items();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> popularity[a] != popularity[b] ? Long.compare(popularity[b], popularity[a]) : Integer.compare(a, b));
        int[] rank = new int[n];
        for (int k = 0; k < n; k++) rank[order[k]] = k + 1;
        double srcRank = 0, srcPop = 0, dstRank = 0, dstPop = 0;
        long sources = 0, edges = 0;
        for (int i = 0; i < n; i++) {
            if (g.dst[i].length == 0) continue;
            sources++;
            srcRank += rank[i];
            srcPop += popularity[i];
            for (int j : g.dst[i]) {
                edges++;
                dstRank += rank[j];
                dstPop += popularity[j];
            }
        }
        if (sources == 0) return new GraphDiagnostics.PopularityBias(0, 0, 0, 0, 0);
        double ms = srcRank / sources, md = dstRank / edges;
        return new GraphDiagnostics.PopularityBias(ms, md, md / ms, srcPop / sources, dstPop / edges);
    }
}
