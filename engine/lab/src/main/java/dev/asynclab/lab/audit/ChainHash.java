package dev.asynclab.lab.audit;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/// The audit log's hash chain: XXH64 of each line's bytes, seeded with the previous line's hash (0 for the
/// header), printed as 16 lowercase hex digits.
///
/// Why XXH64 and not SHA-256: the chain has no secret key, so whoever can edit a log can recompute any chain,
/// SHA-256 or not; what the chain proves is that the log was not changed by accident or by hand without
/// re-chaining. For that, 64 bits of a well-mixed hash miss a random edit with odds of 2^-64, as a truncated
/// SHA-256 would, and XXH64 is several times cheaper per line (see docs/audit-log.md for the measurement).
/// Checked against the reference implementation (libxxhash 0.8) in `ChainHashTest`.
final class ChainHash {

    static final String ALGORITHM = "xxh64";

    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;
    private static final long P4 = 0x85EBCA77C2B2AE63L;
    private static final long P5 = 0x27D4EB2F165667C5L;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle BIG_ENDIAN_LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.BIG_ENDIAN);

    private ChainHash() {
    }

    /// XXH64 of `buf[off, off + len)` with `seed`.
    static long hash(long seed, byte[] buf, int off, int len) {
        int end = off + len;
        int p = off;
        long h;
        if (len >= 32) {
            long v1 = seed + P1 + P2;
            long v2 = seed + P2;
            long v3 = seed;
            long v4 = seed - P1;
            int limit = end - 32;
            do {
                v1 = round(v1, (long) LONGS.get(buf, p));
                v2 = round(v2, (long) LONGS.get(buf, p + 8));
                v3 = round(v3, (long) LONGS.get(buf, p + 16));
                v4 = round(v4, (long) LONGS.get(buf, p + 24));
                p += 32;
            } while (p <= limit);
            h = Long.rotateLeft(v1, 1) + Long.rotateLeft(v2, 7) + Long.rotateLeft(v3, 12) + Long.rotateLeft(v4, 18);
            h = merge(h, v1);
            h = merge(h, v2);
            h = merge(h, v3);
            h = merge(h, v4);
        } else {
            h = seed + P5;
        }
        h += len;
        while (p + 8 <= end) {
            h ^= round(0, (long) LONGS.get(buf, p));
            h = Long.rotateLeft(h, 27) * P1 + P4;
            p += 8;
        }
        if (p + 4 <= end) {
            h ^= ((int) INTS.get(buf, p) & 0xFFFFFFFFL) * P1;
            h = Long.rotateLeft(h, 23) * P2 + P3;
            p += 4;
        }
        while (p < end) {
            h ^= (buf[p] & 0xFFL) * P5;
            h = Long.rotateLeft(h, 11) * P1;
            p++;
        }
        h ^= h >>> 33;
        h *= P2;
        h ^= h >>> 29;
        h *= P3;
        h ^= h >>> 32;
        return h;
    }

    private static long round(long acc, long input) {
        return Long.rotateLeft(acc + input * P2, 31) * P1;
    }

    private static long merge(long acc, long v) {
        return (acc ^ round(0, v)) * P1 + P4;
    }

    /// Writes `h` as 16 lowercase hex digits at `buf[off]`.
    static void writeHex(long h, byte[] buf, int off) {
        BIG_ENDIAN_LONGS.set(buf, off, hexDigits(h >>> 32));
        BIG_ENDIAN_LONGS.set(buf, off + 8, hexDigits(h));
    }

    /// The low 32 bits of `v` as eight ASCII hex digits, the most significant in the highest byte: each nibble
    /// spread to a byte of its own, then '0' added to every byte and 'a' - '0' - 10 more to those of 10 and up,
    /// all eight at once (the writer prints a hash per line; a table lookup per digit was sixteen dependent loads).
    private static long hexDigits(long v) {
        long x = v & 0xFFFFFFFFL;
        x = (x | x << 16) & 0x0000FFFF0000FFFFL;
        x = (x | x << 8) & 0x00FF00FF00FF00FFL;
        x = (x | x << 4) & 0x0F0F0F0F0F0F0F0FL;
        long tenOrMore = (x + 0x0606060606060606L) >>> 4 & 0x0101010101010101L;
        return x + 0x3030303030303030L + tenOrMore * ('a' - '0' - 10);
    }

    static String toHex(long h) {
        byte[] b = new byte[16];
        writeHex(h, b, 0);
        return new String(b, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
