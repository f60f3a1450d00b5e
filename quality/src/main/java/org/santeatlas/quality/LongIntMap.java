package org.santeatlas.quality;

import java.util.Arrays;

/**
 * A map from {@code long} keys to {@code int} values without boxing (open addressing, linear probing, keys
 * spread by a 64-bit mixer). For the run's large lookups keyed by packed ids, e.g. (data set, org unit,
 * period) → registration day: a {@code HashMap<Long, Integer>} there costs an object per entry, and packed
 * keys whose bits differ only in the high half collide in {@link Long#hashCode()}.
 *
 * <p>Not thread-safe while written; safe to read from several threads once filled.
 */
final class LongIntMap {

    private static final long FREE = Long.MIN_VALUE;

    private long[] keys;
    private int[] values;
    private int size;
    private boolean hasFreeKey;
    private int freeKeyValue;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(keys, FREE);
    }

    int size() {
        return size + (hasFreeKey ? 1 : 0);
    }

    boolean containsKey(long key) {
        if (key == FREE) {
            return hasFreeKey;
        }
        return keys[slot(key)] == key;
    }

    /** The value of {@code key}, or {@code missing}. */
    int get(long key, int missing) {
        if (key == FREE) {
            return hasFreeKey ? freeKeyValue : missing;
        }
        int s = slot(key);
        return keys[s] == key ? values[s] : missing;
    }

    /** Stores the smaller of {@code value} and the value already stored for {@code key}. */
    void putMin(long key, int value) {
        if (key == FREE) {
            freeKeyValue = hasFreeKey ? Math.min(freeKeyValue, value) : value;
            hasFreeKey = true;
            return;
        }
        int s = slot(key);
        if (keys[s] == key) {
            values[s] = Math.min(values[s], value);
            return;
        }
        keys[s] = key;
        values[s] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    /** The slot holding {@code key}, or the free slot where it belongs. */
    private int slot(long key) {
        int mask = keys.length - 1;
        int s = (int) mix(key) & mask;
        while (keys[s] != FREE && keys[s] != key) {
            s = (s + 1) & mask;
        }
        return s;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(keys, FREE);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                int s = slot(oldKeys[i]);
                keys[s] = oldKeys[i];
                values[s] = oldValues[i];
            }
        }
    }

    /** The finaliser of MurmurHash3 (fmix64): every key bit affects every hash bit. */
    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }
}
