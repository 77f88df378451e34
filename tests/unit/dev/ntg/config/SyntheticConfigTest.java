package dev.ntg.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("dataset.synthetic settings")
class SyntheticConfigTest {
    @ParameterizedTest(name = "--set {0} fails naming {1}")
    @CsvSource(delimiter = ';', value = {
            "dataset.synthetic.events=0; dataset.synthetic.events",
            "dataset.synthetic.base_monthly_churn=1.5; dataset.synthetic.base_monthly_churn",
            "dataset.synthetic.truth_cutoff_fractions=[0.5, 1.2]; dataset.synthetic.truth_cutoff_fractions",
            "dataset.synthetic.genres=[action, Sci Fi]; dataset.synthetic.genres",
            "dataset.synthetic.genres=[drama]; dataset.synthetic.genres",
            "dataset.synthetic.start=yesterday; dataset.synthetic.start",
            "dataset.synthetic.activity_sigma=-1.0; dataset.synthetic.activity_sigma"})
    @DisplayName("a bad value is an error that names the key")
    void namesTheKey(String assignment, String key) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.fromBase().set(assignment).load());
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }

    @Test
    @DisplayName("the record rejects a genre name that cannot become a column name")
    void genreNames() {
        InvalidSetting e = assertThrows(InvalidSetting.class, () -> new SyntheticConfig(10, 0, 0, List.of("action", "x\"y"),
                "2023-01-01", 10, 1, 1, 0.1, 5, List.of(0.5)));
        assertEquals("genres", e.key());
    }

    @Test
    @DisplayName("base.yaml's defaults load")
    void defaults() {
        SyntheticConfig c = ConfigLoader.fromBase().load().config().dataset().synthetic();
        assertEquals(8, c.genres().size());
    }
}
