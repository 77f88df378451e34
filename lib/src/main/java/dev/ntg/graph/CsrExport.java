package dev.ntg.graph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes the user×item matrix the kernel counts (after the power-user cap) as raw little-endian int32 CSR arrays
 * (row pointers, then column indices), the layout numpy's {@code fromfile(dtype='<i4')} reads without a parser,
 * so an outside reference works on the very same matrix.
 */
public final class CsrExport {
    private static final int CHUNK_INTS = 1 << 20;

    private CsrExport() {
    }

    /** Writes {@code userPtr} (users + 1 ints) to {@code indptr} and the item index per interaction to {@code indices}. */
    public static void write(Interactions x, Path indptr, Path indices) {
        writeInts(x.userPtr, indptr);
        writeInts(x.items, indices);
    }

    private static void writeInts(int[] values, Path file) {
        ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK_INTS * Integer.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            for (int from = 0; from < values.length; from += CHUNK_INTS) {
                int to = Math.min(values.length, from + CHUNK_INTS);
                buf.clear();
                buf.asIntBuffer().put(values, from, to - from);
                buf.limit((to - from) * Integer.BYTES);
                while (buf.hasRemaining()) ch.write(buf);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
