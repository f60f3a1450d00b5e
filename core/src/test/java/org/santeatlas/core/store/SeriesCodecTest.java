package org.santeatlas.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SeriesCodecTest {

    @Test
    void packsAndUnpacksEveryFieldIncludingAbsentOnes() {
        Series s = new Series(5);
        s.append(7, 10, null, "ds_kollo", 1_706_954_400_000L, 1_706_954_400_000L, null, (byte) 0, 3);
        s.append(3, 2.5, "2.50", null, Series.NO_TIME, 1_700_000_000_123L, "vérifié avec le major", (byte) 1, 3);
        s.append(12, Double.NaN, "rupture d'intrants", "ds_kollo", 1_600_000_000_000L, Series.NO_TIME, "",
                (byte) 2, 7);
        s.append(13, -125125, null, "admin", 1_800_000_000_999L, 1_799_999_999_000L, "x".repeat(70_000),
                (byte) 0, 1);
        s.append(14, 1e300, null, null, Series.NO_TIME, Series.NO_TIME, null, (byte) 3, 2);
        Series back = roundTrip(s);
        assertThat(back.size).isEqualTo(s.size);
        for (int j = 0; j < s.size; j++) {
            assertThat(back.pe[j]).isEqualTo(s.pe[j]);
            assertThat(Double.valueOf(back.num[j])).isEqualTo(Double.valueOf(s.num[j]));
            assertThat(back.text[j]).isEqualTo(s.text[j]);
            assertThat(back.flags[j]).isEqualTo(s.flags[j]);
            assertThat(back.storedBy[j]).isEqualTo(s.storedBy[j]);
            assertThat(back.created[j]).isEqualTo(s.created[j]);
            assertThat(back.lastUpdated[j]).isEqualTo(s.lastUpdated[j]);
            assertThat(back.comment[j]).isEqualTo(s.comment[j]);
            assertThat(back.batch[j]).isEqualTo(s.batch[j]);
        }
        byte[] data = SeriesCodec.encode(s);
        assertThat(SeriesCodec.storedBy(data, 4)).isEqualTo("admin");
        assertThat(SeriesCodec.createdMillis(data, 2)).isNull();
        assertThat(SeriesCodec.batchId(data, 3)).isEqualTo(7);
        assertThat(SeriesCodec.value(data, 1)).isEqualTo("10");
        assertThat(SeriesCodec.value(data, 2)).isEqualTo("2.50");
        assertThat(SeriesCodec.numericValue(data, 3)).isNull();
        assertThat(SeriesCodec.deleted(data, 3)).isTrue();
        assertThat(SeriesCodec.followup(data, 2)).isTrue();
        assertThat(SeriesCodec.periodId(data, 5)).isEqualTo(14);
    }

    @Test
    void randomSeriesSurviveTheRoundTrip() {
        Random random = new Random(7);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(60);
            Series s = new Series(n);
            for (int j = 0; j < n; j++) {
                long created = random.nextInt(5) == 0 ? Series.NO_TIME : random.nextLong() >> random.nextInt(40);
                long updated = random.nextInt(5) == 0 ? Series.NO_TIME : random.nextLong() >> random.nextInt(40);
                double value = random.nextInt(4) == 0 ? random.nextGaussian() * 1e6 : random.nextInt(100_000);
                s.append(random.nextInt(1000), value, null, random.nextBoolean() ? null : "u" + random.nextInt(4),
                        created, updated,
                        random.nextInt(3) == 0 ? "c" + j : null, (byte) 0, random.nextInt(Integer.MAX_VALUE));
            }
            Series back = roundTrip(s);
            for (int j = 0; j < n; j++) {
                assertThat(back.pe[j]).isEqualTo(s.pe[j]);
                assertThat(back.num[j]).isEqualTo(s.num[j]);
                assertThat(back.created[j]).isEqualTo(s.created[j]);
                assertThat(back.lastUpdated[j]).isEqualTo(s.lastUpdated[j]);
                assertThat(back.storedBy[j]).isEqualTo(s.storedBy[j]);
                assertThat(back.comment[j]).isEqualTo(s.comment[j]);
                assertThat(back.batch[j]).isEqualTo(s.batch[j]);
            }
        }
    }

    private static Series roundTrip(Series s) {
        Series back = new Series(1);
        SeriesCodec.decode(SeriesCodec.encode(s), back);
        return back;
    }
}
