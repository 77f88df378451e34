package dev.ntg.data;

import dev.ntg.config.SplitConfig;
import dev.ntg.io.DuckSession;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

@DisplayName("TemporalSplit cutoffs")
class TemporalSplitTest {

    @ParameterizedTest(name = "n={0}, distinct timestamps={1}, val={2}, test={3}")
    @CsvSource({"10,10,0.2,0.2", "11,11,0.1,0.1", "997,50,0.1,0.1", "5000,4999,0.15,0.05", "20000,300,0.1,0.2"})
    @DisplayName("are the timestamps at positions floor(n(1-v-t)) and floor(n(1-t)) of the sorted events")
    void matchSortedPositions(int n, int distinct, double val, double test) {
        SplittableRandom rng = new SplittableRandom(n);
        long[] seconds = new long[n];
        for (int i = 0; i < n; i++) seconds[i] = 1_700_000_000L + 60L * rng.nextInt(distinct);
        try (DuckSession duck = DuckSession.inMemory()) {
            duck.execute("CREATE TABLE ev (ts TIMESTAMP)");
            StringBuilder values = new StringBuilder();
            for (long s : seconds) values.append(values.length() == 0 ? "" : ",").append("(to_timestamp(").append(s).append(")::TIMESTAMP)");
            duck.execute("INSERT INTO ev VALUES " + values);
            TemporalSplit.Cutoffs c = TemporalSplit.cutoffs(duck, "ev", new SplitConfig(val, test, null, null));
            long[] sorted = seconds.clone();
            Arrays.sort(sorted);
            assertEquals(Instant.ofEpochSecond(sorted[(int) Math.floor(n * (1 - val - test))]), c.valStart());
            assertEquals(Instant.ofEpochSecond(sorted[(int) Math.floor(n * (1 - test))]), c.testStart());
        }
    }
}
