package dev.ntg.config;

import java.util.regex.Pattern;

/**
 * Settings every stage shares.
 *
 * @param seed                master seed; every random choice in the pipeline derives from it
 * @param threads             worker threads for DuckDB and parallel kernels; 0 means all cores
 * @param duckdbMemoryLimit   DuckDB memory limit, e.g. "4GB" or "60%"; DuckDB spills to the temp dir past it
 * @param duckdbTempDir       where DuckDB spills, relative to the work dir
 * @param jvmHeap             the JVM's max heap as an -Xmx size (512m, 4g); the ./ntg launcher reads it before the JVM starts
 */
public record ProjectConfig(long seed, int threads, String duckdbMemoryLimit, String duckdbTempDir, String jvmHeap) {
    private static final Pattern MEMORY = Pattern.compile("\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB|%)");
    private static final Pattern HEAP = Pattern.compile("[1-9]\\d*[mMgG]");

    public ProjectConfig {
        Check.nonNegative("threads", threads);
        Check.required("duckdb_memory_limit", duckdbMemoryLimit);
        Check.that(MEMORY.matcher(duckdbMemoryLimit).matches(), "duckdb_memory_limit",
                "must look like 4GB, 512MB or 60%, got '" + duckdbMemoryLimit + "'");
        Check.required("duckdb_temp_dir", duckdbTempDir);
        Check.required("jvm_heap", jvmHeap);
        Check.that(HEAP.matcher(jvmHeap).matches(), "jvm_heap", "must be a JVM heap size like 512m or 10g, got '" + jvmHeap + "'");
    }

    /** The thread count to use: {@link #threads()} or, when 0, the machine's cores. */
    public int effectiveThreads() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
