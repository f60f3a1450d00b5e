package org.santeatlas.importers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.OptionalDouble;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.santeatlas.importers.Coordinates.Axis;
import org.santeatlas.importers.Coordinates.Notation;

/** Coordinates as spreadsheets and GPS units write them: decimal degrees and degrees-minutes-seconds. */
class CoordinatesTest {

    @ParameterizedTest(name = "{0} ({1}) → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            13.5123             | LATITUDE  | 13.5123
            13,5123             | LATITUDE  | 13.5123
            -2,1                | LONGITUDE | -2.1
            13°30'45.2"N        | LATITUDE  | 13.512555556
            13° 30' 45" N       | LATITUDE  | 13.5125
            N 13 30 45.2        | LATITUDE  | 13.512555556
            13:30:45.2N         | LATITUDE  | 13.512555556
            2°6'W               | LONGITUDE | -2.1
            2°6'O               | LONGITUDE | -2.1
            2°6′30″E            | LONGITUDE | 2.108333333
            13°30.75'N          | LATITUDE  | 13.5125
            13°30,75'N          | LATITUDE  | 13.5125
            5°15'S              | LATITUDE  | -5.25
            -13°30'             | LATITUDE  | -13.5
            13º30'45''N         | LATITUDE  | 13.5125
            13d30m45            | LONGITUDE | 13.5125
            179° 59' 59.9" W    | LONGITUDE | -179.999972222
            """)
    void readsDecimalAndDms(String text, Axis axis, double expected) {
        OptionalDouble v = Coordinates.parse(text, axis, Notation.AUTO);
        assertThat(v).isPresent();
        assertThat(v.getAsDouble()).isCloseTo(expected, within(1e-8));
    }

    @ParameterizedTest(name = "{0} ({1}) is refused")
    @CsvSource(delimiter = '|', textBlock = """
            91                  | LATITUDE
            -180.5              | LONGITUDE
            13°60'N             | LATITUDE
            13°30'75"N          | LATITUDE
            13°30'N             | LONGITUDE
            2°6'E               | LATITUDE
            -2°6'W              | LONGITUDE
            13.5°30'            | LATITUDE
            abc                 | LATITUDE
            13°30'45"X          | LATITUDE
            1e5                 | LONGITUDE
            NaN                 | LATITUDE
            13 30 45 10         | LATITUDE
            95°N                | LATITUDE
            """)
    void refusesUnreadableOrOutOfRange(String text, Axis axis) {
        assertThat(Coordinates.parse(text, axis, Notation.AUTO)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            13°30'N  | false
            13.5     | true
            13,5     | true
            """)
    void decimalNotationRefusesDms(String text, boolean readable) {
        assertThat(Coordinates.latitude(text, Notation.DECIMAL).isPresent()).isEqualTo(readable);
        assertThat(Coordinates.latitude(text, Notation.DMS)).isPresent();
    }
}
