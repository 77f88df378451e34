package dev.ntg.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@DisplayName("ConfigLoader")
class ConfigLoaderTest {
    @TempDir
    Path dir;

    private Path yaml(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String error(Runnable r) {
        return assertThrows(ConfigException.class, r::run).getMessage();
    }

    @Nested
    @DisplayName("merging")
    class Merging {
        @Test
        @DisplayName("base.yaml alone binds every section with its defaults")
        void baseBinds() {
            NtgConfig c = ConfigLoader.fromBase().load().config();
            assertEquals("synthetic", c.dataset().source());
            assertEquals(0.1, c.split().valFraction());
            assertEquals(42, c.project().seed());
        }

        @Test
        @DisplayName("an overlay merges objects key by key and replaces lists; --set wins over the overlay")
        void overlayThenSet() throws Exception {
            Path over = yaml("over.yaml", "dataset:\n  synthetic:\n    events: 5000\n    genres: [a, b]\nsplit:\n  val_fraction: 0.2\n");
            NtgConfig c = ConfigLoader.fromBase().overlay(over).set("split.val_fraction=0.15").load().config();
            assertEquals(5000, c.dataset().synthetic().events());
            assertEquals(List.of("a", "b"), c.dataset().synthetic().genres());
            assertEquals(1.0, c.dataset().synthetic().zipfExponent(), "untouched sibling keeps its default");
            assertEquals(0.15, c.split().valFraction());
            assertEquals(0.1, c.split().testFraction());
        }

        @Test
        @DisplayName("--set parses numbers, null, booleans and flow lists as YAML")
        void setParsesYaml() {
            NtgConfig c = ConfigLoader.fromBase().set("dataset.value_max=5").set("dataset.csv.header=false")
                    .set("dataset.synthetic.truth_cutoff_fractions=[0.5]").set("dataset.columns.value=null").load().config();
            assertEquals(5.0, c.dataset().valueMax());
            assertEquals(false, c.dataset().csv().header());
            assertEquals(List.of(0.5), c.dataset().synthetic().truthCutoffFractions());
            assertEquals(null, c.dataset().columns().value());
        }

        @Test
        @DisplayName("the slice hash changes with a section's value and not with another section's")
        void sliceHash() {
            LoadedConfig a = ConfigLoader.fromBase().load();
            LoadedConfig b = ConfigLoader.fromBase().set("split.val_fraction=0.2").load();
            assertEquals(a.sliceHash(List.of("dataset")), b.sliceHash(List.of("dataset")));
            assertNotEquals(a.sliceHash(List.of("split")), b.sliceHash(List.of("split")));
        }

        @Test
        @DisplayName("the slice hash ignores threads, DuckDB's memory limit and spill folder and the heap, not the seed")
        void executionOnlyKeys() {
            LoadedConfig a = ConfigLoader.fromBase().load();
            LoadedConfig b = ConfigLoader.fromBase().set("project.threads=1").set("project.duckdb_memory_limit=1GB")
                    .set("project.duckdb_temp_dir=elsewhere").set("project.jvm_heap=9g").load();
            LoadedConfig c = ConfigLoader.fromBase().set("project.seed=7").load();
            assertEquals(a.sliceHash(List.of("project", "taste")), b.sliceHash(List.of("project", "taste")));
            assertNotEquals(a.slice(List.of("project")), b.slice(List.of("project")), "the recorded slice keeps them");
            assertNotEquals(a.sliceHash(List.of("project", "taste")), c.sliceHash(List.of("project", "taste")));
        }
    }

    @Nested
    @DisplayName("errors name the source and the key")
    class Errors {
        @Test
        @DisplayName("an unknown key in an overlay names the file, the key and the known keys")
        void unknownKey() throws Exception {
            Path over = yaml("dev.yaml", "split:\n  val_fractoin: 0.2\n");
            assertThat(error(() -> ConfigLoader.fromBase().overlay(over)))
                    .contains("dev.yaml", "unknown key 'split.val_fractoin'", "val_fraction");
        }

        @Test
        @DisplayName("an unknown section is an error too")
        void unknownSection() {
            assertThat(error(() -> ConfigLoader.fromBase().set("grpah.top_k=5"))).contains("--set grpah.top_k", "unknown key 'grpah'");
        }

        @Test
        @DisplayName("a value of the wrong kind names the expected kind")
        void wrongType() throws Exception {
            Path over = yaml("bad.yaml", "project:\n  threads: two\n");
            assertThat(error(() -> ConfigLoader.fromBase().overlay(over))).contains("bad.yaml", "project.threads must be a whole number");
            assertThat(error(() -> ConfigLoader.fromBase().set("project.threads=1.5"))).contains("project.threads must be a whole number");
            assertThat(error(() -> ConfigLoader.fromBase().set("split=3"))).contains("split must be a section");
        }

        @Test
        @DisplayName("an out-of-range value names the file it came from and the full key")
        void outOfRange() throws Exception {
            Path over = yaml("prod.yaml", "split:\n  test_fraction: 0.9\n");
            assertThat(error(() -> ConfigLoader.fromBase().overlay(over).load()))
                    .contains("prod.yaml", "split.test_fraction", "between 0.0 and 0.5");
            assertThat(error(() -> ConfigLoader.fromBase().set("dataset.synthetic.days=0").load()))
                    .contains("--set dataset.synthetic.days", "dataset.synthetic.days must be > 0");
            assertThat(error(() -> ConfigLoader.fromBase().set("dataset.source=excel").load()))
                    .contains("dataset.source must be one of synthetic, csv, parquet, movielens-100k, movielens-csv");
            assertThat(error(() -> ConfigLoader.fromBase().set("dataset.source=csv").load()))
                    .contains("dataset.path is required for source 'csv'");
            assertThat(error(() -> ConfigLoader.fromBase().set("project.duckdb_memory_limit=lots").load()))
                    .contains("project.duckdb_memory_limit must look like 4GB");
        }

        @Test
        @DisplayName("a missing overlay file and broken YAML are named, with the line")
        void badFiles() throws Exception {
            assertThat(error(() -> ConfigLoader.fromBase().overlay(dir.resolve("missing.yaml")))).contains("missing.yaml", "not found");
            Path broken = yaml("broken.yaml", "split:\n  val_fraction: [0.1\n");
            assertThat(error(() -> ConfigLoader.fromBase().overlay(broken))).contains("broken.yaml", "line", "not valid YAML");
            assertThat(error(() -> ConfigLoader.fromBase().set("novalue"))).contains("expected key=value");
        }

        @Test
        @DisplayName("explicit cutoffs must come in pairs and in order")
        void cutoffs() {
            assertThat(error(() -> ConfigLoader.fromBase().set("split.val_start=2024-01-01").load()))
                    .contains("set both val_start and test_start");
            assertThat(error(() -> ConfigLoader.fromBase().set("split.val_start=2024-02-01").set("split.test_start=2024-01-01").load()))
                    .contains("split.test_start must be after val_start");
            assertThat(error(() -> ConfigLoader.fromBase().set("split.val_start=yesterday").set("split.test_start=2024-01-01").load()))
                    .contains("split.val_start must be an ISO date");
        }
    }
}
