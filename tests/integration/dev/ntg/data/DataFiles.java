package dev.ntg.data;

import dev.ntg.io.Hashing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Content hashes of the data files under a folder (manifests, which hold wall-clock times, excluded). */
final class DataFiles {
    private DataFiles() {
    }

    static Map<String, String> hashes(Path root) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("_manifest.json"))
                    .forEach(p -> out.put(root.relativize(p).toString(), Hashing.sha256(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
