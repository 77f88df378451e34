package dev.ntg.report.notebook;

import dev.ntg.io.PathCatalog;
import tech.tablesaw.api.Table;

/**
 * The item graph item by item, with titles (notebook 02): the hub items everyone lists, and the top neighbours of a
 * few popular and a few niche items, the readable sanity check that similar items really are similar.
 */
public final class GraphNeighbours {
    /** The niche sample starts this far up the popularity order of the items that have neighbours. */
    static final double NICHE_QUANTILE = 0.10;

    private GraphNeighbours() {
    }

    /** The {@code n} items with the highest in-degree (ties: smaller item id), with titles and popularity. */
    public static Table hubs(Artifacts art, int n) {
        String edges = art.parquet(PathCatalog.ITEM_EDGES);
        long nodes = art.report(PathCatalog.GRAPH_DIAGNOSTICS).path("nodes").asLong();
        Table t = art.query("SELECT i.item_id AS item, l.title, l.genres, i.in_degree AS \"in-degree\", i.in_degree / " + Math.max(nodes, 1)
                + "::DOUBLE AS \"of items listing it\", l.users AS \"TRAIN users\", l.popularity_rank AS \"popularity rank\","
                + " i.mean_rank AS \"mean rank in those lists\""
                + " FROM (SELECT dst AS item_id, count(*) AS in_degree, avg(rank) AS mean_rank FROM " + edges + " GROUP BY dst) i"
                + " JOIN " + ItemLabels.relation(art) + " l USING (item_id) ORDER BY i.in_degree DESC, i.item_id LIMIT " + Math.max(n, 0),
                "hub items: the most listed neighbours");
        Formats.percent(t.doubleColumn("of items listing it"), 1);
        Formats.decimals(t.doubleColumn("mean rank in those lists"), 1);
        return t;
    }

    /**
     * The top {@code neighbours} of {@code perGroup} popular items (most TRAIN users, ties: smaller id) and
     * {@code perGroup} niche ones (among items with neighbours, ordered by TRAIN users ascending then id, the ones from
     * position ⌈{@value #NICHE_QUANTILE} · n⌉ on: rare, but not the rarest few, whose lists are mostly noise), one row
     * per item: its neighbours' titles with their similarity, and how many of them share a genre with it.
     */
    public static Table neighbourSample(Artifacts art, int perGroup, int neighbours) {
        String edges = art.parquet(PathCatalog.ITEM_EDGES);
        String labels = ItemLabels.relation(art);
        String sql = "WITH l AS (SELECT * FROM " + labels + "),"
                + " src AS (SELECT l.*, row_number() OVER (ORDER BY l.users DESC, l.item_id) AS top,"
                + "  row_number() OVER (ORDER BY l.users, l.item_id) AS bottom, count(*) OVER () AS n"
                + "  FROM l WHERE l.item_id IN (SELECT src FROM " + edges + ")),"
                + " picked AS (SELECT 1 AS g, 'popular' AS grp, top AS pos, * FROM src WHERE top <= " + perGroup
                + "  UNION ALL SELECT 2, 'niche', bottom, * FROM src WHERE bottom >= ceil(" + NICHE_QUANTILE + " * n) AND bottom < ceil("
                + NICHE_QUANTILE + " * n) + " + perGroup + "),"
                + " nb AS (SELECT e.src, e.rank, d.title || ' (' || printf('%.3f', e.similarity) || ')' AS shown,"
                + "  len(list_intersect(d.genre_list, s.genre_list)) > 0 AS shares FROM " + edges + " e JOIN l d ON d.item_id = e.dst"
                + "  JOIN l s ON s.item_id = e.src WHERE e.rank <= " + neighbours + ")"
                + " SELECT p.grp AS \"group\", p.item_id AS item, p.title, p.genres, p.users AS \"TRAIN users\", p.popularity_rank AS \"popularity rank\","
                + "  string_agg(nb.shown, ' · ' ORDER BY nb.rank) AS \"top neighbours (similarity)\","
                + "  CASE WHEN len(p.genre_list) = 0 THEN 'no genres' ELSE count(*) FILTER (WHERE nb.shares) || ' of ' || count(*) END"
                + "   AS \"sharing a genre\""
                + " FROM picked p JOIN nb ON nb.src = p.item_id"
                + " GROUP BY p.g, p.grp, p.pos, p.item_id, p.title, p.genres, p.users, p.popularity_rank, p.genre_list"
                + " ORDER BY p.g, p.pos";
        return art.query(sql, "top neighbours of popular and niche items");
    }
}
