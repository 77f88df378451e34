package dev.ntg.report.notebook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ntg.io.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("BacktestReport")
class BacktestReportTest {
    @TempDir
    Path work;

    @Test
    @DisplayName("when the backtest is off: one sentence on how to turn it on, and empty tables that say why")
    void disabled() {
        try (Artifacts art = Artifacts.open(RankingFixture.write(work))) {
            assertEquals("No backtest in this run (status disabled, ranking.backtest_folds = 0): set ranking.backtest_folds > 0.",
                    BacktestReport.summary(art));
            Table folds = BacktestReport.folds(art);
            assertEquals(0, folds.rowCount());
            assertThat(folds.name()).endsWith("(none: backtest disabled)");
            assertEquals(0, BacktestReport.pooled(art).rowCount());
        }
    }

    @Test
    @DisplayName("with two folds: per-fold rows (NTG first), pooled intervals, paired differences and a summary")
    void folds() throws Exception {
        ObjectNode r = RankingFixture.report();
        r.set("backtest", Json.MAPPER.readTree("""
                {"folds": 2, "status": "ok", "components": ["item_knn", "popularity"], "left_out": ["svd"],
                 "per_fold": [
                   {"fold": 1, "window_start": "2023-01-01T00:00:00Z", "train_events": 10, "window_events": 4, "eval_users": 3, "status": "ok",
                    "models": {"popularity": {"ndcg@2": 0.2, "recall@2": 0.1}, "ntg": {"ndcg@2": 0.3, "recall@2": 0.2}}},
                   {"fold": 2, "window_start": "2023-01-02T00:00:00Z", "train_events": 14, "window_events": 0, "status": "no_eval_users"}],
                 "pooled": {"popularity": {"ndcg@2": {"estimate": 0.2, "low": 0.1, "high": 0.3}, "recall@2": {"estimate": 0.1, "low": 0.05, "high": 0.15}},
                            "ntg": {"ndcg@2": {"estimate": 0.3, "low": 0.2, "high": 0.4}, "recall@2": {"estimate": 0.2, "low": 0.1, "high": 0.3}}},
                 "pooled_paired_vs_ntg": {"popularity": {"ndcg@2": {"estimate": 0.1, "low": 0.02, "high": 0.18}}}}
                """));
        try (Artifacts art = Artifacts.open(RankingFixture.write(work, r))) {
            Table f = BacktestReport.folds(art);
            assertEquals(List.of("fold", "window start", "TRAIN prefix events", "window events", "eval users", "status", "ntg", "popularity"),
                    f.columnNames());
            assertEquals(List.of(3L, 0L), f.longColumn("eval users").asList());
            assertEquals(0.3, f.doubleColumn("ntg").get(0), 1e-12);
            assertTrue(f.doubleColumn("ntg").isMissing(1));

            Table p = BacktestReport.pooled(art);
            assertEquals(List.of("ntg", "popularity"), p.stringColumn("model").asList());
            assertEquals("0.300 [0.200, 0.400]", p.stringColumn("ndcg@2").get(0));
            assertEquals("", p.stringColumn("NTG − model: ndcg@2").get(0));
            assertEquals("+0.100 [+0.020, +0.180]", p.stringColumn("NTG − model: ndcg@2").get(1));

            assertEquals("2 folds at the end of TRAIN; each refits item_knn, popularity on the TRAIN events before its window and leaves out svd"
                    + " (fitted by build-taste on all of TRAIN, windows included). Pooled over 3 fold eval users, NTG's ndcg@2 is"
                    + " 0.300 [0.200, 0.400]; its paired interval lies above zero against 1 of 1 baselines.", BacktestReport.summary(art));
        }
    }
}
