package dev.ntg.decisions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Deterministic randomization: SHA-256 of {@code salt + "\n" + experimentId + "\n" + userId} (UTF-8), its first 8 bytes
 * read big-endian and their top 53 bits scaled to a bucket u in [0, 1); the arm is the first whose cumulative share
 * exceeds u. Same inputs give the same arm on every run and machine; a new salt re-randomizes.
 */
public final class HashAssignment {
    private final String salt;
    private final List<String> arms;
    private final double[] cumulative;

    public HashAssignment(String salt, List<String> arms, List<Double> shares) {
        if (arms.size() != shares.size() || arms.isEmpty()) throw new IllegalArgumentException("one share per arm");
        this.salt = salt;
        this.arms = List.copyOf(arms);
        this.cumulative = new double[shares.size()];
        double s = 0;
        for (int i = 0; i < shares.size(); i++) cumulative[i] = s += shares.get(i);
    }

    /** The bucket u in [0, 1). */
    public double bucket(String experimentId, String userId) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] h = md.digest((salt + "\n" + experimentId + "\n" + userId).getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int i = 0; i < 8; i++) v = (v << 8) | (h[i] & 0xFF);
            return (v >>> 11) * 0x1.0p-53;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The index of the arm for a bucket. */
    public int armOf(double bucket) {
        for (int i = 0; i < cumulative.length - 1; i++) {
            if (bucket < cumulative[i]) return i;
        }
        return cumulative.length - 1;
    }

    public int arm(String experimentId, String userId) {
        return armOf(bucket(experimentId, userId));
    }

    public List<String> arms() {
        return arms;
    }
}
