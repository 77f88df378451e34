package dev.ntg.taste;

import dev.ntg.config.ConfigException;
import dev.ntg.config.ConfigLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.DisplayName;

import static org.junit.jupiter.api.Assertions.*;

@DisplayName("taste config: bad values name their key")
class TasteConfigTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "taste.k=0; taste.k must be > 0",
            "taste.k=-3; taste.k must be > 0",
            "taste.smoothing=-1; taste.smoothing",
            "taste.degree_regularization=-0.5; taste.degree_regularization",
            "taste.early_fraction=1.0; taste.early_fraction",
            "taste.bootstrap=500; taste.bootstrap",
            "taste.embedding_rank=0; taste.embedding_rank"})
    void rejected(String assignment, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.fromBase().set(assignment).load());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
