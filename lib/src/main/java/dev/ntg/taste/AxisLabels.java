package dev.ntg.taste;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Readable names for axes. With item metadata: the genres over-represented among the axis's items — ranked by
 * share × ln(lift) (a genre's contribution to the KL divergence of the axis's genre mix from the catalog's), kept
 * when the lift is at least {@value #MIN_LIFT} and at least two items carry it — followed by the axis's three
 * most representative titles. Without metadata (or with no over-represented genre), the top titles (or ids) alone.
 */
public final class AxisLabels {
    static final double MIN_LIFT = 1.25;
    static final int MAX_GENRES = 3;
    static final int TITLES_IN_LABEL = 3;

    /**
     * @param label   e.g. "Crime · Thriller · Film-Noir: The Godfather, Fargo, Pulp Fiction"
     * @param genres  the over-represented genres, most characteristic first
     * @param lifts   their lifts (share in the axis / share in the catalog)
     */
    public record Label(String label, List<String> genres, List<Double> lifts) {
    }

    private AxisLabels() {
    }

    /**
     * @param members    item indices whose dominant axis this is
     * @param itemGenres genres of every item (empty when unknown)
     * @param catalogShare share of items carrying each genre, over all items
     * @param topNames   display names (title, else id) of the axis's top items, best first
     */
    public static Label of(int[] members, List<List<String>> itemGenres, Map<String, Double> catalogShare, List<String> topNames) {
        Map<String, Integer> count = new TreeMap<>();
        for (int i : members) for (String g : itemGenres.get(i)) count.merge(g, 1, Integer::sum);
        record Scored(String genre, double score, double lift) {
        }
        List<Scored> scored = new ArrayList<>();
        for (var e : count.entrySet()) {
            double share = (double) e.getValue() / members.length;
            double lift = share / catalogShare.get(e.getKey());
            if (lift >= MIN_LIFT && e.getValue() >= 2) scored.add(new Scored(e.getKey(), share * Math.log(lift), lift));
        }
        scored.sort((a, b) -> a.score != b.score ? Double.compare(b.score, a.score) : a.genre.compareTo(b.genre));
        List<Scored> kept = scored.subList(0, Math.min(MAX_GENRES, scored.size()));
        String titles = String.join(", ", topNames.subList(0, Math.min(TITLES_IN_LABEL, topNames.size())));
        List<String> genres = kept.stream().map(Scored::genre).toList();
        List<Double> lifts = kept.stream().map(s -> round(s.lift, 3)).toList();
        String label = genres.isEmpty() ? "Top: " + titles : String.join(" · ", genres) + ": " + titles;
        return new Label(label, genres, lifts);
    }

    /** Share of items carrying each genre. */
    public static Map<String, Double> catalogShare(List<List<String>> itemGenres) {
        Map<String, Double> share = new TreeMap<>();
        for (List<String> gs : itemGenres) for (String g : gs) share.merge(g, 1.0, Double::sum);
        share.replaceAll((g, c) -> c / itemGenres.size());
        return share;
    }

    /** A pipe-joined genre field as a list (null, empty and "(no genres listed)"-style entries give none). */
    public static List<String> parseGenres(String field) {
        if (field == null || field.isBlank()) return List.of();
        return Arrays.stream(field.split("\\|")).map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("(") && !s.equalsIgnoreCase("unknown"))
                .distinct().sorted().toList();
    }

    static double round(double v, int decimals) {
        double f = Math.pow(10, decimals);
        return Math.round(v * f) / f;
    }
}
