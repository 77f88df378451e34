package dev.ntg.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.*;

@DisplayName("features config: an out-of-range value is an error naming its key and where it came from")
class FeaturesConfigTest {
    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "half_life_days, -1, must be a finite number > 0",
            "half_life_days, 0, must be a finite number > 0",
            "trend_window_days, 0, must be > 0",
            "recent_days, -3, must be > 0",
            "value_prior_weight, -0.5, must be a finite number >= 0",
            "head_share, 0, must be in (0, 1]",
            "head_share, 1.5, must be in (0, 1]",
            "power_user_quantile, 1, must be strictly between 0 and 1",
    })
    void rejects(String key, String value, String reason) {
        ConfigLoader loader = ConfigLoader.fromBase().set("features." + key + "=" + value);
        ConfigException e = assertThrows(ConfigException.class, loader::load);
        assertTrue(e.getMessage().startsWith("--set features." + key + ": features." + key + " " + reason), e.getMessage());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"half_life_days, 7", "head_share, 1", "value_prior_weight, 0"})
    void accepts(String key, String value) {
        assertDoesNotThrow(() -> ConfigLoader.fromBase().set("features." + key + "=" + value).load());
    }
}
