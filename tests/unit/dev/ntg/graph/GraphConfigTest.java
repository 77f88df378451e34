package dev.ntg.graph;

import dev.ntg.config.ConfigException;
import dev.ntg.config.ConfigLoader;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@DisplayName("graph settings")
class GraphConfigTest {
    @Test
    @DisplayName("base.yaml defaults load")
    void defaults() {
        var g = ConfigLoader.fromBase().load().config().graph();
        assertEquals("cosine", g.measure());
        assertEquals(500, g.userCap());
        assertEquals(50, g.topK());
    }

    @ParameterizedTest(name = "{0} is rejected naming {1}")
    @CsvSource({
            "graph.top_k=0,          graph.top_k",
            "graph.top_k=-5,         graph.top_k",
            "graph.user_cap=0,       graph.user_cap",
            "graph.min_support=0,    graph.min_support",
            "graph.measure=euclid,   graph.measure",
            "graph.window_hours=0,   graph.window_hours",
            "graph.half_life_days=-1, graph.half_life_days",
            "graph.weighting=rating, graph.weighting",
            "graph.cooccurrence=session, graph.cooccurrence",
            "graph.user_downweight=sqrt, graph.user_downweight",
    })
    void badValues(String set, String key) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.fromBase().set(set).load());
        assertTrue(e.getMessage().contains(key), e.getMessage());
    }
}
