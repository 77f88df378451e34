package dev.ntg.churn;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ntg.NtgException;
import dev.ntg.config.ConfigException;
import dev.ntg.data.BuildDatasetStage;
import dev.ntg.data.GenerateEventsStage;
import dev.ntg.io.Artifact;
import dev.ntg.io.DuckSession;
import dev.ntg.io.Hashing;
import dev.ntg.io.Json;
import dev.ntg.io.Sql;
import dev.ntg.testing.SmallEventLog;
import dev.ntg.testing.TestPipeline;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.ntg.io.PathCatalog.*;
import static org.junit.jupiter.api.Assertions.*;

@DisplayName("score-churn")
class ScoreChurnIT {
    static final List<Artifact> OUTPUTS = List.of(CHURN_EXAMPLES, CHURN_MODEL, CHURN_SELECTION, CHURN_SCORES, LATEST_CHURN_SCORES, CHURN_REPORT);

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @DisplayName("on the dev synthetic service")
    class DevSynthetic {
        Path dir;
        TestPipeline p;
        JsonNode report;

        @org.junit.jupiter.api.BeforeAll
        void run(@TempDir Path tmp) {
            dir = tmp;
            p = TestPipeline.dev(dir);
            p.run(new GenerateEventsStage());
            p.run(new BuildDatasetStage());
            p.run(new ScoreChurnStage());
            report = Json.read(p.path(CHURN_REPORT));
        }

        @Test
        @DisplayName("the calibrated model beats both baselines on Brier with a paired interval above 0 (VAL and TEST)")
        void beatsBaselines() {
            for (String w : List.of("val", "test")) {
                JsonNode paired = report.at("/evaluation/" + w + "/paired_differences");
                for (String base : List.of("base_rate", "recency")) {
                    double lower = paired.get("brier_gain_vs_" + base).get("lower").asDouble();
                    assertTrue(lower > 0, w + ": Brier gain over " + base + " has lower bound " + lower);
                }
            }
        }

        @Test
        @DisplayName("VAL ECE (equal mass, 10 bins) is at most 0.02")
        void calibrated() {
            double ece = report.at("/evaluation/val/models/chosen/ece_equal_mass_10/estimate").asDouble();
            assertTrue(ece <= 0.02, "VAL ECE " + ece);
        }

        @Test
        @DisplayName("calibrated probabilities are within 0.05 of the planted truth on average (VAL)")
        void closeToTruth() {
            double mae = report.at("/evaluation/val/ground_truth/mean_abs_error/estimate").asDouble();
            assertTrue(mae <= 0.05, "VAL mean |p - p_true| " + mae);
            assertTrue(report.at("/evaluation/val/ground_truth/ece_vs_truth_equal_mass_10/estimate").isNumber());
        }

        @Test
        @DisplayName("ECE and Brier recomputed the slow obvious way from scores.parquet and the split match the report exactly")
        void recompute() {
            JsonNode split = Json.read(p.path(SPLIT_MANIFEST));
            Instant valStart = Instant.parse(split.get("val_start").asText()), testStart = Instant.parse(split.get("test_start").asText());
            Instant c = valStart.truncatedTo(ChronoUnit.DAYS);
            Instant end = c.plus(Duration.ofDays(14));
            Map<String, List<Instant>> events = new HashMap<>();
            List<String> users = new ArrayList<>();
            List<Double> probs = new ArrayList<>();
            List<Boolean> stored = new ArrayList<>();
            try (DuckSession duck = DuckSession.inMemory()) {
                for (Artifact part : List.of(TRAIN, VAL)) {
                    duck.forEach("SELECT user_id, epoch_us(ts) FROM " + DuckSession.parquet(p.path(part)), rs ->
                            events.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(Instant.EPOCH.plus(rs.getLong(2), ChronoUnit.MICROS)));
                }
                duck.forEach("SELECT user_id, p_calibrated, churned FROM " + DuckSession.parquet(p.path(CHURN_SCORES))
                        + " WHERE split = 'val' ORDER BY user_id", rs -> {
                    users.add(rs.getString(1));
                    probs.add(rs.getDouble(2));
                    boolean b = rs.getBoolean(3);
                    stored.add(rs.wasNull() ? null : b);
                });
            }
            assertTrue(end.isBefore(testStart), "the VAL horizon fits the VAL window");
            // Eligible: >= 2 events before c, the last within 60 days; churned: none in [c, c + 14 d).
            Map<String, Integer> labels = new LinkedHashMap<>();
            events.keySet().stream().sorted().forEach(u -> {
                List<Instant> ts = events.get(u);
                long before = ts.stream().filter(t -> t.isBefore(c)).count();
                Instant last = ts.stream().filter(t -> t.isBefore(c)).max(Instant::compareTo).orElse(Instant.MIN);
                if (before >= 2 && !last.isBefore(c.minus(Duration.ofDays(60)))) {
                    boolean seen = ts.stream().anyMatch(t -> !t.isBefore(c) && t.isBefore(end));
                    labels.put(u, seen ? 0 : 1);
                }
            });
            assertEquals(new ArrayList<>(labels.keySet()), users, "scored VAL users");
            int n = users.size();
            double[] pr = new double[n], y = new double[n];
            for (int i = 0; i < n; i++) {
                pr[i] = probs.get(i);
                y[i] = labels.get(users.get(i));
                assertEquals(y[i] == 1, stored.get(i), "stored label of " + users.get(i));
            }
            double brier = 0;
            for (int i = 0; i < n; i++) brier += (pr[i] - y[i]) * (pr[i] - y[i]);
            brier /= n;
            // Equal-mass bins: rank by (p, user_id); bin k holds ranks [floor(k n / 10), floor((k + 1) n / 10)).
            Integer[] rank = new Integer[n];
            for (int i = 0; i < n; i++) rank[i] = i;
            java.util.Arrays.sort(rank, (a, b) -> pr[a] != pr[b] ? Double.compare(pr[a], pr[b]) : users.get(a).compareTo(users.get(b)));
            int[] bin = new int[n];
            for (int k = 0; k < 10; k++) for (int s = k * n / 10; s < (k + 1) * n / 10; s++) bin[rank[s]] = k;
            double[] sp = new double[10], sy = new double[10];
            int[] cnt = new int[10];
            for (int i = 0; i < n; i++) {
                sp[bin[i]] += pr[i];
                sy[bin[i]] += y[i];
                cnt[bin[i]]++;
            }
            double ece = 0;
            for (int k = 0; k < 10; k++) {
                if (cnt[k] == 0) continue;
                ece += (double) cnt[k] / n * Math.abs(sy[k] / cnt[k] - sp[k] / cnt[k]);
            }
            assertEquals(report.at("/evaluation/val/models/chosen/brier/estimate").asDouble(), brier, 0.0);
            assertEquals(report.at("/evaluation/val/models/chosen/ece_equal_mass_10/estimate").asDouble(), ece, 0.0);
            assertEquals(report.at("/protocol/windows/val/labelled_users").asInt(), n);
        }

        @Test
        @DisplayName("a rerun with 1 thread instead of 2 writes byte-identical outputs")
        void deterministic() {
            Map<Artifact, String> before = hashes(p);
            TestPipeline one = TestPipeline.dev(dir, "project.threads=1");
            one.run(new ScoreChurnStage());
            assertEquals(before, hashes(one));
        }
    }

    static Map<Artifact, String> hashes(TestPipeline p) {
        Map<Artifact, String> h = new LinkedHashMap<>();
        for (Artifact a : OUTPUTS) h.put(a, Hashing.sha256(p.path(a)));
        return h;
    }

    @Test
    @DisplayName("on MovieLens 100K (14-day horizon) every metric has a value and an interval")
    void movieLens(@TempDir Path dir) {
        TestPipeline p = TestPipeline.movieLens100k(dir);
        p.run(new BuildDatasetStage());
        p.run(new ScoreChurnStage());
        JsonNode r = Json.read(p.path(CHURN_REPORT));
        for (String w : List.of("val", "test")) {
            JsonNode chosen = r.at("/evaluation/" + w + "/models/chosen");
            for (String m : List.of("auc_roc", "pr_auc_average_precision", "log_loss", "brier", "ece_equal_width_10", "ece_equal_mass_10", "mce_equal_width_10")) {
                for (String f : List.of("estimate", "lower", "upper")) {
                    assertTrue(chosen.get(m).get(f).isNumber(), w + " " + m + " " + f + " = " + chosen.get(m).get(f));
                }
            }
            assertEquals(3, r.at("/evaluation/" + w + "/lift_capture").size());
            assertFalse(r.at("/evaluation/" + w).has("ground_truth"), "no truth for MovieLens");
        }
    }

    @Nested
    @DisplayName("refuses bad input with a clear message")
    class BadInput {
        @Test
        @DisplayName("a horizon of 0 days names churn.horizon_days")
        void horizon(@TempDir Path dir) {
            ConfigException e = assertThrows(ConfigException.class, () -> TestPipeline.create(dir, "churn.horizon_days=0"));
            assertTrue(e.getMessage().contains("churn.horizon_days must be > 0"), e.getMessage());
        }

        @Test
        @DisplayName("a log where nobody goes silent says there is no churned user")
        void noPositives(@TempDir Path dir) throws Exception {
            // 60 users with one event every day for 200 days: nobody is ever silent for 14 days.
            Path csv = dir.resolve("daily.csv");
            try (DuckSession duck = DuckSession.inMemory()) {
                duck.execute("COPY (SELECT 'u' || u AS user_id, 'i' || ((u + d) % 30) AS item_id, "
                        + "strftime(TIMESTAMP '2023-01-01 12:00:00' + to_days(CAST(d AS INTEGER)) + to_seconds(CAST(u AS BIGINT)), '%Y-%m-%dT%H:%M:%SZ') AS timestamp "
                        + "FROM range(60) a(u), range(200) b(d) ORDER BY 3, 1) TO " + Sql.literal(csv) + " (HEADER)");
            }
            TestPipeline p = TestPipeline.create(dir, "dataset.source=csv", "dataset.path=" + csv);
            p.run(new BuildDatasetStage());
            NtgException e = assertThrows(NtgException.class, () -> p.run(new ScoreChurnStage()));
            assertTrue(e.getMessage().contains("no churned user") && e.getMessage().contains("churn.horizon_days"), e.getMessage());
            assertFalse(Files.exists(p.path(CHURN_REPORT)), "no half-written report");
        }

        @Test
        @DisplayName("too few users to fit names churn.min_users")
        void tooFew(@TempDir Path dir) {
            TestPipeline p = TestPipeline.create(dir, SmallEventLog.write(dir.resolve("events.csv")));
            p.run(new BuildDatasetStage());
            TestPipeline strict = TestPipeline.create(dir, concat(SmallEventLog.write(dir.resolve("events.csv")), "churn.min_users=5000"));
            NtgException e = assertThrows(NtgException.class, () -> strict.run(new ScoreChurnStage()));
            assertTrue(e.getMessage().contains("too few users to fit") && e.getMessage().contains("churn.min_users=5000"), e.getMessage());
        }
    }

    static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
