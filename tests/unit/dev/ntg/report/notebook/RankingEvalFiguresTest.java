package dev.ntg.report.notebook;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("RankingEvalFigures draw the report's figure builders from the work dir's artifacts")
class RankingEvalFiguresTest {
    @TempDir
    Path work;

    @Test
    @DisplayName("models, segments, blend search and accuracy against popularity render from the hand-made artifacts")
    void figures() {
        try (Artifacts art = Artifacts.open(RankingFixture.write(work))) {
            assertEquals("Ranking on TEST: ndcg@2 by model, 95% intervals", RankingEvalFigures.models(art).getTitle());
            assertThat(RankingEvalFigures.segments(art).getTitle()).contains("by user activity segment");
            XYChart search = (XYChart) RankingEvalFigures.blendSearch(art);
            assertArrayEquals(new double[]{0.10, 0.10, 0.20, 0.25, 0.26, 0.26}, search.getSeries("best so far").getYData(), 1e-12);
            XYChart acc = (XYChart) RankingEvalFigures.accuracyVsPopularity(art, "val");
            assertArrayEquals(new double[]{500}, acc.getSeries("ntg").getXData(), 1e-12);
            assertEquals(400, Charts.toImage(acc).getHeight());
            assertThatThrownBy(() -> RankingEvalFigures.accuracyVsPopularity(art, "train")).hasMessageContaining("window must be one of");
        }
    }
}
