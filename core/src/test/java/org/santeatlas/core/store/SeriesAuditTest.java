package org.santeatlas.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SeriesAuditTest {

    @Test
    void packsAndUnpacksEveryAuditFieldIncludingAbsentOnes() {
        Series s = new Series(4);
        s.append(1, 10, null, "ds_kollo", 1_706_954_400_000L, 1_706_954_400_000L, null, (byte) 0, 3);
        s.append(2, 20, null, null, Series.NO_TIME, 1_700_000_000_123L, "vérifié avec le major", (byte) 1, 3);
        s.append(3, 30, null, "ds_kollo", 1_600_000_000_000L, Series.NO_TIME, "", (byte) 2, 7);
        s.append(4, 40, null, "admin", 1_800_000_000_999L, 1_799_999_999_000L, "x".repeat(70_000), (byte) 0, 1);
        Series back = roundTrip(s);
        for (int j = 0; j < s.size; j++) {
            assertThat(back.storedBy[j]).isEqualTo(s.storedBy[j]);
            assertThat(back.created[j]).isEqualTo(s.created[j]);
            assertThat(back.lastUpdated[j]).isEqualTo(s.lastUpdated[j]);
            assertThat(back.comment[j]).isEqualTo(s.comment[j]);
            assertThat(back.batch[j]).isEqualTo(s.batch[j]);
        }
        assertThat(SeriesAudit.storedBy(SeriesAudit.encode(s), 4)).isEqualTo("admin");
        assertThat(SeriesAudit.createdMillis(SeriesAudit.encode(s), 2)).isNull();
        assertThat(SeriesAudit.batchId(SeriesAudit.encode(s), 3)).isEqualTo(7);
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
                s.append(j, j, null, random.nextBoolean() ? null : "u" + random.nextInt(4), created, updated,
                        random.nextInt(3) == 0 ? "c" + j : null, (byte) 0, random.nextInt(Integer.MAX_VALUE));
            }
            Series back = roundTrip(s);
            for (int j = 0; j < n; j++) {
                assertThat(back.created[j]).isEqualTo(s.created[j]);
                assertThat(back.lastUpdated[j]).isEqualTo(s.lastUpdated[j]);
                assertThat(back.storedBy[j]).isEqualTo(s.storedBy[j]);
                assertThat(back.comment[j]).isEqualTo(s.comment[j]);
                assertThat(back.batch[j]).isEqualTo(s.batch[j]);
            }
        }
    }

    private static Series roundTrip(Series s) {
        byte[] packed = SeriesAudit.encode(s);
        Series back = new Series(s.size);
        for (int j = 0; j < s.size; j++) {
            back.append(s.pe[j], s.num[j], null, null, 0, 0, null, s.flags[j], 0);
        }
        SeriesAudit.decode(packed, back, s.size);
        return back;
    }
}
