package dev.ntg.report.notebook;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("ChurnCalibrationReport")
class ChurnCalibrationReportTest {
    @TempDir
    Path work;

    @Test
    @DisplayName("reliability: marks which bins hold their prediction inside the observed band")
    void reliability() {
        try (Artifacts art = Artifacts.open(ChurnFixture.write(work, true))) {
            Table t = ChurnCalibrationReport.reliability(art);
            assertEquals(List.of(0, 1, 2, 3), t.intColumn("bin").asList());
            assertEquals(List.of(false, false, true, false), t.booleanColumn("prediction in band").asList());
            assertEquals("[0.350, 0.650]", t.stringColumn("observed 95% band").get(1));
        }
    }

    @Test
    @DisplayName("reliability verdict: zero-width bands are void, real misses are named, with the chance of a miss for that many bins")
    void reliabilityVerdict() {
        try (Artifacts art = Artifacts.open(ChurnFixture.write(work, true))) {
            assertEquals("1 of 4 bins have the mean prediction inside the observed rate's 95% band. Zero-width band, so the check is void "
                    + "there: bin 0 (none of 3 churned, predicted 0.0005, i.e. 0.0 expected churners); bin 3 (all of 2 churned, predicted "
                    + "0.7500, i.e. 1.5 expected churners). Outside the band: bin 1 (predicted 0.300, observed 0.500 [0.350, 0.650]). "
                    + "With 2 informative bins and 95% bands, at least one miss happens by chance 10% of the time (1 − 0.95^2); several "
                    + "misses on the same side would be a pattern.", ChurnCalibrationReport.reliabilityVerdict(art));
        }
    }

    @Test
    @DisplayName("Brier decomposition: the terms add back up to the reported score (0.01 − 0.06 + 0.15 + 0 = 0.10)")
    void brier() {
        try (Artifacts art = Artifacts.open(ChurnFixture.write(work, true))) {
            Table t = ChurnCalibrationReport.brierDecomposition(art);
            assertEquals(0.10, t.doubleColumn("value").get(4), 1e-12);
            assertEquals(0.10, t.doubleColumn("value").get(5), 1e-12);
        }
    }

    @Test
    @DisplayName("risk bands: TEST users per band from scores.parquet, censored users counted but not labelled, VAL rows ignored")
    void riskBands() {
        try (Artifacts art = Artifacts.open(ChurnFixture.write(work, true))) {
            Table t = ChurnCalibrationReport.riskBands(art);
            assertEquals(List.of("low", "medium", "high"), t.stringColumn("band").asList());
            assertEquals(List.of("p < 0.2", "0.2 ≤ p < 0.5", "p ≥ 0.5"), t.stringColumn("calibrated p").asList());
            assertEquals(List.of(3L, 2L, 2L), t.longColumn("users").asList());
            assertEquals(3.0 / 7, t.doubleColumn("of users").get(0), 1e-12);
            assertEquals((0.1 + 0.05 + 0.02) / 3, t.doubleColumn("mean predicted").get(0), 1e-12);
            // low: u5, u6 labelled and retained, u7 censored
            assertEquals(List.of(0.0, 0.5, 1.0), t.doubleColumn("observed churn rate").asList());
            assertEquals(List.of(0L, 1L, 2L), t.longColumn("churned").asList());
            assertEquals(2.0 / 3, t.doubleColumn("of all churners").get(2), 1e-12);
            assertThat(t.print()).contains("42.9%");
        }
    }

    @Test
    @DisplayName("lift and capture: the report's rows with the top share as a percentage")
    void lift() {
        try (Artifacts art = Artifacts.open(ChurnFixture.write(work, true))) {
            Table t = ChurnCalibrationReport.liftCapture(art);
            assertEquals(List.of("5%", "10%", "20%"), t.stringColumn("top of list").asList());
            assertEquals("0.667 [0.200, 0.900]", t.stringColumn("capture (share of all churners) [95%]").get(2));
            assertEquals(2.0, t.doubleColumn("lift over random").get(0), 1e-12);
        }
    }

    @Test
    @DisplayName("ground truth: distance and calibration against p_true, the truth's own AUC as the ceiling, and the share recovered")
    void groundTruth() {
        try (Artifacts art = Artifacts.open(ChurnFixture.write(work, true))) {
            Table t = ChurnCalibrationReport.groundTruth(art);
            assertEquals(8, t.rowCount());
            assertEquals("0.0400 [0.0300, 0.0500]", t.stringColumn("TEST").get(0));
            assertEquals("0.9300 [0.8800, 0.9500]", t.stringColumn("VAL").get(4));
            assertEquals("0.4500 vs 0.5000", t.stringColumn("TEST").get(7));
            // (0.90 - 0.5) / (0.95 - 0.5) = 88.9%
            assertThat(ChurnCalibrationReport.groundTruthVerdict(art))
                    .contains("on average 0.0400 [0.0300, 0.0500] away from the planted ones (all 7 scored users: 0.0410)")
                    .contains("AUC is 0.900 where the true probabilities themselves reach 0.950").contains("recovers 89% of the separation");
        }
    }

    @Test
    @DisplayName("without planted truth the table is empty and the sentence says why")
    void noTruth() {
        try (Artifacts art = Artifacts.open(ChurnFixture.write(work, false))) {
            assertEquals(0, ChurnCalibrationReport.groundTruth(art).rowCount());
            assertThat(ChurnCalibrationReport.groundTruthVerdict(art)).startsWith("No planted truth: the data source is 'csv'");
        }
    }
}
