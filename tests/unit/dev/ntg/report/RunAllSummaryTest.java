package dev.ntg.report;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

@DisplayName("the run-all summary table")
class RunAllSummaryTest {
    @Test
    @DisplayName("aligns its columns under a header")
    void format() {
        String t = RunAllSummary.format(List.of(new RunAllSummary.Row("rank", "12.3 s", "NTG ndcg@10 0.170 [0.160, 0.180]", "outputs/reports/ranking.json"),
                new RunAllSummary.Row("evaluate", "up to date", "-", "reports/index.html")));
        String[] lines = t.split("\n");
        assertEquals(4, lines.length);
        assertTrue(lines[0].startsWith("stage"));
        int col = lines[0].indexOf("main artifact");
        assertEquals(col, lines[2].indexOf("outputs/reports/ranking.json"));
        assertEquals(col, lines[3].indexOf("reports/index.html"));
    }

    @Test
    @DisplayName("headlines format estimates with their intervals")
    void headlineFormat() {
        assertEquals("0.170 [0.160, 0.180]", Headlines.format(new Headline("k", "l", 0.17, 0.16, 0.18, "u", "s", "x")));
        assertEquals("12,354", Headlines.format(new Headline("k", "l", 12354.4, null, null, "u", "s", "x")));
    }
}
