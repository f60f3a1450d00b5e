package org.santeatlas.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The primitive map behind the registrations: the same answers as a HashMap, through growth and collisions. */
class LongIntMapTest {

    @Test
    void keepsTheSmallestValuePerKeyLikeAMergeWithMin() {
        LongIntMap map = new LongIntMap(2);
        map.putMin(7, 30);
        map.putMin(7, 10);
        map.putMin(7, 20);
        map.putMin(Long.MIN_VALUE, 5);
        map.putMin(Long.MIN_VALUE, 9);
        assertThat(map.get(7, -1)).isEqualTo(10);
        assertThat(map.get(Long.MIN_VALUE, -1)).isEqualTo(5);
        assertThat(map.get(8, -1)).isEqualTo(-1);
        assertThat(map.containsKey(8)).isFalse();
        assertThat(map.size()).isEqualTo(2);
    }

    @Test
    void agreesWithAHashMapOnPackedKeysThatCollideInLongHashCode() {
        // (data set, org unit, period) packed as Registrations does: many share Long.hashCode.
        LongIntMap map = new LongIntMap(16);
        Map<Long, Integer> expected = new HashMap<>();
        Random random = new Random(4);
        for (int i = 0; i < 50_000; i++) {
            long key = ((long) random.nextInt(4) << 44) ^ ((long) random.nextInt(8000) << 22) ^ random.nextInt(60);
            int value = random.nextInt(1000) - 500;
            map.putMin(key, value);
            expected.merge(key, value, Math::min);
        }
        assertThat(map.size()).isEqualTo(expected.size());
        expected.forEach((k, v) -> assertThat(map.get(k, Integer.MAX_VALUE)).isEqualTo(v));
        for (int i = 0; i < 1000; i++) {
            long key = random.nextLong();
            assertThat(map.containsKey(key)).isEqualTo(expected.containsKey(key));
        }
    }
}
