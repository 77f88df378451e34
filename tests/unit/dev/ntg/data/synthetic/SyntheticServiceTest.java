package dev.ntg.data.synthetic;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ntg.config.SyntheticConfig;
import dev.ntg.io.DuckSession;
import dev.ntg.io.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One dev-sized service (200k plays, 2,000 users), generated once and examined like a data scientist would. */
@DisplayName("The synthetic streaming service")
class SyntheticServiceTest {
    static final long TARGET = 200_000;
    static final int DAYS = 240;
    @TempDir
    static Path dir;
    static SyntheticOutputs out;
    static GenerationReport report;
    static DuckSession duck;

    @BeforeAll
    static void generate() throws Exception {
        SyntheticConfig c = new SyntheticConfig(TARGET, 2000, 1500,
                List.of("action", "comedy", "drama", "documentary", "family", "horror", "romance", "scifi"),
                "2023-01-01", DAYS, 1.0, 1.2, 0.08, 30, List.of(0.8, 0.9));
        out = SyntheticOutputs.under(dir.resolve("raw"), dir.resolve("truth"));
        try (DuckSession d = DuckSession.inMemory()) {
            report = SyntheticService.of(c, 7, 2).showProgress(false).generate(d, out);
        }
        duck = DuckSession.inMemory();
        duck.execute("CREATE VIEW events AS SELECT * FROM " + DuckSession.parquet(out.events()));
        duck.execute("CREATE VIEW items AS SELECT * FROM " + DuckSession.parquet(out.items()));
        duck.execute("CREATE VIEW users_truth AS SELECT * FROM " + DuckSession.parquet(out.truthUsers()));
        duck.execute("CREATE VIEW items_truth AS SELECT * FROM " + DuckSession.parquet(out.truthItems()));
        duck.execute("CREATE VIEW churn_truth AS SELECT * FROM " + DuckSession.parquet(out.truthChurn()));
    }

    @AfterAll
    static void close() {
        duck.close();
    }

    @Nested
    @DisplayName("has the size and shape of a real service")
    class Shape {
        @Test
        @DisplayName("lands within 5% of the target number of plays and reports the true count")
        void count() {
            long n = duck.queryLong("SELECT count(*) FROM events");
            assertTrue(Math.abs(n - TARGET) < 0.05 * TARGET, "got " + n + " plays for a target of " + TARGET);
            assertEquals(n, report.events());
            assertEquals(n, Json.read(out.truthManifest()).path("counts").path("events").asLong());
        }

        @Test
        @DisplayName("gives the top 10% of items most of the plays")
        void popularityHeavyTailed() {
            double share = duck.queryDouble("""
                    WITH c AS (SELECT item_id, count(*) AS n FROM events GROUP BY item_id),
                         r AS (SELECT n, row_number() OVER (ORDER BY n DESC) AS rk FROM c)
                    SELECT sum(n) FILTER (WHERE rk <= 150) / sum(n) FROM r""");
            // Uniform popularity would give 0.10. Zipf(1) alone would give ~0.7; repeat avoidance by heavy users
            // (who exhaust the head of the catalog) flattens it, as it does in real logs.
            assertTrue(share > 0.35, "top 10% of items got only " + share + " of plays");
        }

        @Test
        @DisplayName("has power users far above the median user")
        void activityHeavyTailed() {
            double ratio = duck.queryDouble("""
                    WITH c AS (SELECT user_id, count(*) AS n FROM events GROUP BY user_id)
                    SELECT max(n) / median(n) FROM c""");
            assertTrue(ratio > 15, "max/median user plays = " + ratio);
            assertTrue(duck.queryLong("SELECT max(n) FROM (SELECT count(*) AS n FROM events GROUP BY user_id)") > 1000);
        }

        @Test
        @DisplayName("rates in whole or half stars between 1 and 5")
        void ratings() {
            assertEquals(0, duck.queryLong("SELECT count(*) FROM events WHERE value < 1 OR value > 5 OR value * 2 <> round(value * 2)"));
            assertTrue(duck.queryLong("SELECT count(DISTINCT value) FROM events") >= 8);
        }

        @Test
        @DisplayName("writes plays sorted by user, then time, then item")
        void sorted() {
            assertEquals(0, duck.queryLong("""
                    SELECT count(*) FROM (SELECT user_id, ts, item_id,
                        lag(user_id) OVER w AS pu, lag(ts) OVER w AS pt, lag(item_id) OVER w AS pi
                        FROM (SELECT *, row_number() OVER () AS rn FROM events) WINDOW w AS (ORDER BY rn))
                    WHERE pu > user_id OR (pu = user_id AND (pt > ts OR (pt = ts AND pi > item_id)))"""));
        }

        @Test
        @DisplayName("lists the dominant genre first in the catalog metadata and titles items after it")
        void catalogMetadata() {
            assertEquals(0, duck.queryLong("""
                    SELECT count(*) FROM items JOIN items_truth t USING (item_id)
                    WHERE split_part(genres, '|', 1) <> t.dominant_genre
                       OR lower(title) <> t.dominant_genre || ' #' || item_id"""));
            assertTrue(duck.queryLong("SELECT count(*) FROM items WHERE genres LIKE '%|%'") > 0, "no item lists two genres");
        }
    }

    @Nested
    @DisplayName("respects time")
    class Time {
        @Test
        @DisplayName("never plays an item before its release date")
        void releaseDates() {
            assertEquals(0, duck.queryLong("SELECT count(*) FROM events JOIN items USING (item_id) WHERE CAST(ts AS DATE) < release_date"));
            assertTrue(duck.queryLong("SELECT count(*) FROM items WHERE release_date > DATE '2023-01-01'") > 0);
        }

        @Test
        @DisplayName("never plays before sign-up, after quitting or outside the period")
        void lifetimes() {
            assertEquals(0, duck.queryLong("""
                    SELECT count(*) FROM events JOIN users_truth USING (user_id)
                    WHERE CAST(ts AS DATE) < signup_date OR CAST(ts AS DATE) > quit_date
                       OR ts < TIMESTAMP '2023-01-01' OR ts >= TIMESTAMP '2023-01-01' + INTERVAL 240 DAY"""));
            assertTrue(duck.queryLong("SELECT count(*) FROM users_truth WHERE signup_date < DATE '2023-01-01'") > 0);
        }

        @Test
        @DisplayName("rarely re-plays an item unless the user has played through much of the catalog")
        void fewRewatches() {
            double repeatShare = duck.queryDouble("""
                    SELECT 1 - count(DISTINCT (user_id, item_id)) / count(*) FROM events
                    WHERE user_id IN (SELECT user_id FROM events GROUP BY user_id HAVING count(*) <= 300)""");
            assertTrue(repeatShare < 0.08, "repeat share " + repeatShare);
        }
    }

    @Test
    @DisplayName("makes users play the genres they like")
    void choicesFollowTaste() {
        // Per active user: correlation between their share of plays per dominant genre and their taste vector,
        // against a placebo that pairs each user with another user's taste.
        String perUser = """
                WITH t AS (UNPIVOT users_truth ON COLUMNS('taste_.*') INTO NAME g VALUE taste),
                     t2 AS (SELECT user_id, substr(g, 7) AS genre, taste FROM t),
                     active AS (SELECT user_id FROM events GROUP BY user_id HAVING count(*) >= 100),
                     plays AS (SELECT e.user_id, i.dominant_genre AS genre, count(*) AS n
                               FROM events e JOIN items_truth i USING (item_id) WHERE e.user_id IN (SELECT user_id FROM active)
                               GROUP BY ALL),
                     grid AS (SELECT a.user_id, t2.genre, t2.taste, coalesce(p.n, 0) AS n,
                                     (SELECT taste FROM t2 o WHERE o.user_id = (a.user_id %% 2000) + 1 AND o.genre = t2.genre) AS placebo
                              FROM active a JOIN t2 USING (user_id) LEFT JOIN plays p USING (user_id, genre))
                SELECT avg(c) FROM (SELECT user_id, corr(n, %s) AS c FROM grid GROUP BY user_id)""";
        double real = duck.queryDouble(String.format(perUser, "taste"));
        double placebo = duck.queryDouble(String.format(perUser, "placebo"));
        assertTrue(real > 0.6, "mean taste/play correlation " + real);
        assertTrue(placebo < 0.2, "placebo correlation " + placebo);
    }

    @Nested
    @DisplayName("plants churn drivers that work")
    class Churn {
        @Test
        @DisplayName("unhappy users quit more than happy ones")
        void satisfaction() {
            double low = duck.queryDouble("SELECT avg(CAST(quit_date IS NOT NULL AS DOUBLE)) FROM users_truth WHERE satisfaction < -0.5");
            double high = duck.queryDouble("SELECT avg(CAST(quit_date IS NOT NULL AS DOUBLE)) FROM users_truth WHERE satisfaction > 0.5");
            assertTrue(low > high + 0.1, "quit rate low-satisfaction " + low + " vs high " + high);
        }

        @Test
        @DisplayName("declining users quit more than steady ones")
        void decline() {
            double declining = duck.queryDouble("SELECT avg(CAST(quit_date IS NOT NULL AS DOUBLE)) FROM users_truth WHERE declining");
            double steady = duck.queryDouble("SELECT avg(CAST(quit_date IS NOT NULL AS DOUBLE)) FROM users_truth WHERE NOT declining");
            assertTrue(declining > steady + 0.05, "quit rate declining " + declining + " vs steady " + steady);
        }

        @Test
        @DisplayName("new users quit faster in their first month than in their third")
        void tenure() {
            // Among users who signed up in the period early enough to be watched for 90 days.
            double firstMonth = duck.queryDouble("""
                    SELECT avg(CAST(coalesce(quit_date < signup_date + 30, false) AS DOUBLE)) FROM users_truth
                    WHERE signup_date >= DATE '2023-01-01' AND signup_date + 90 <= DATE '2023-01-01' + 240""");
            double thirdMonth = duck.queryDouble("""
                    SELECT avg(CAST(coalesce(quit_date < signup_date + 90, false) AS DOUBLE)) FROM users_truth
                    WHERE signup_date >= DATE '2023-01-01' AND signup_date + 90 <= DATE '2023-01-01' + 240
                      AND (quit_date IS NULL OR quit_date >= signup_date + 60)""");
            assertTrue(firstMonth > 1.5 * thirdMonth, "first-month quit rate " + firstMonth + " vs third " + thirdMonth);
        }

        @Test
        @DisplayName("true churn probabilities are calibrated against what then happened")
        void calibrated() {
            // Cutoff 0.8 * 240 = day 192: its 30-day horizon lies inside the period, so the outcome is observed.
            double meanP = duck.queryDouble("SELECT avg(p_churn) FROM churn_truth WHERE observed_no_event IS NOT NULL");
            double rate = duck.queryDouble("SELECT avg(CAST(observed_no_event AS DOUBLE)) FROM churn_truth WHERE observed_no_event IS NOT NULL");
            long n = duck.queryLong("SELECT count(*) FROM churn_truth WHERE observed_no_event IS NOT NULL");
            assertTrue(n > 500, "only " + n + " observed rows");
            assertEquals(rate, meanP, 0.04, "mean predicted vs observed silent-horizon rate");
            double hi = duck.queryDouble("SELECT avg(CAST(observed_no_event AS DOUBLE)) FROM churn_truth WHERE p_churn > 0.7 AND observed_no_event IS NOT NULL");
            double lo = duck.queryDouble("SELECT avg(CAST(observed_no_event AS DOUBLE)) FROM churn_truth WHERE p_churn < 0.3 AND observed_no_event IS NOT NULL");
            assertTrue(hi > 0.7 && lo < 0.3, "observed rate at p > 0.7: " + hi + ", at p < 0.3: " + lo);
        }

        @Test
        @DisplayName("covers each cutoff, only for users with a play before it")
        void coverage() {
            assertEquals(2, duck.queryLong("SELECT count(DISTINCT cutoff) FROM churn_truth"));
            assertEquals(0, duck.queryLong("""
                    SELECT count(*) FROM churn_truth c
                    WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.user_id = c.user_id AND e.ts < c.cutoff)"""));
            assertEquals(0, duck.queryLong("""
                    SELECT count(*) FROM churn_truth c JOIN users_truth u USING (user_id)
                    WHERE c.quit_before_cutoff <> coalesce(u.quit_date < CAST(c.cutoff AS DATE), false)"""));
        }

        @Test
        @DisplayName("describes every planted driver in truth.json")
        void manifest() {
            JsonNode truth = Json.read(out.truthManifest());
            assertEquals(3, truth.path("churn_drivers").size());
            assertEquals(7, truth.path("seed").asLong());
            assertTrue(truth.path("parameters").path("base_daily_hazard").asDouble() > 0);
        }
    }
}
