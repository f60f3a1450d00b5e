package org.santeatlas.importers.climate;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.santeatlas.core.text.NameKey;

/**
 * The climate variables SantéAtlas keeps, each stored under a data element of its own in one unit:
 * the variables that ERA5 / ERA5-Land aggregates carry (ECMWF short names {@code tp}, {@code t2m}; CDS
 * long names {@code total_precipitation}, {@code 2m_temperature}), as the DHIS2 Climate app and the
 * DHIS2 climate-tools notebooks aggregate them to org units, and the French names teams give them.
 */
public enum ClimateVariable {

    // Precipitation adds up over time and space (DHIS2 aggregation type SUM); temperatures and
    // humidity are averaged. Minima and maxima keep their extreme over longer periods.
    PRECIPITATION(Quantity.PRECIPITATION, "CLIMATE_PRECIPITATION_MM", "Précipitations (mm)", "Précipitations",
            "SUM", Set.of("precipitation", "precipitations", "tp", "precip", "pr", "rain", "rainfall", "pluie",
                    "pluies", "pluviometrie")),
    TEMPERATURE(Quantity.TEMPERATURE, "CLIMATE_TEMPERATURE_C", "Température moyenne à 2 m (°C)", "Température",
            "AVERAGE", Set.of("temperature", "t2m", "temp", "tas", "air temperature", "tmean", "tavg")),
    TEMPERATURE_MIN(Quantity.TEMPERATURE, "CLIMATE_TEMPERATURE_MIN_C", "Température minimale à 2 m (°C)",
            "Température min.", "MIN", Set.of("tmin", "tasmin", "mn2t")),
    TEMPERATURE_MAX(Quantity.TEMPERATURE, "CLIMATE_TEMPERATURE_MAX_C", "Température maximale à 2 m (°C)",
            "Température max.", "MAX", Set.of("tmax", "tasmax", "mx2t")),
    RELATIVE_HUMIDITY(Quantity.HUMIDITY, "CLIMATE_RELATIVE_HUMIDITY_PCT", "Humidité relative (%)",
            "Humidité relative", "AVERAGE", Set.of("relative humidity", "humidity", "rh", "hr", "humidite",
                    "humidite relative", "hurs"));

    /** What a variable measures, which fixes the units it may come in and the one it is stored in. */
    enum Quantity {
        PRECIPITATION("mm"), TEMPERATURE("°C"), HUMIDITY("%");

        final String storedUnit;

        Quantity(String storedUnit) {
            this.storedUnit = storedUnit;
        }
    }

    /** The units a file may state; each quantity accepts some and converts them to its stored unit. */
    enum Unit {
        KELVIN("K"), CELSIUS("°C"), METRE("m"), MILLIMETRE("mm"), PERCENT("%");

        final String symbol;

        Unit(String symbol) {
            this.symbol = symbol;
        }

        /** A unit as written in a unit column or a column-name suffix ("K", "°C", "degC", "m", "mm", "%"). */
        static Unit parse(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            if (text.contains("%")) {
                return PERCENT;
            }
            return switch (NameKey.of(text).replace(" ", "")) {
                case "k", "kelvin", "degk", "degreek" -> KELVIN;
                case "c", "degc", "celsius", "degreec", "degreescelsius", "degrescelsius" -> CELSIUS;
                case "m", "metre", "metres", "meter", "meters" -> METRE;
                case "mm", "millimetre", "millimetres", "millimeter", "millimeters" -> MILLIMETRE;
                case "pct", "percent", "pourcent", "pourcentage" -> PERCENT;
                default -> null;
            };
        }
    }

    /** Name tokens that say how a value was aggregated or where it came from, not what it is. */
    private static final Set<String> NOISE = Set.of("sum", "mean", "avg", "average", "total", "daily", "monthly",
            "weekly", "2m", "era5", "land", "era5land", "moyenne", "cumul", "cumulee", "cumulees", "somme");

    private static final Set<String> UNIT_SUFFIXES = Set.of("k", "kelvin", "c", "degc", "celsius", "m", "mm",
            "pct", "percent");

    final Quantity quantity;
    final String code;
    final String name;
    final String shortName;
    final String aggregationType;
    private final Set<String> aliases;

    ClimateVariable(Quantity quantity, String code, String name, String shortName, String aggregationType,
                    Set<String> aliases) {
        this.quantity = quantity;
        this.code = code;
        this.name = name;
        this.shortName = shortName;
        this.aggregationType = aggregationType;
        this.aliases = aliases;
    }

    public String code() {
        return code;
    }

    public String unit() {
        return quantity.storedUnit;
    }

    /**
     * The data element UID of this variable in every workspace: derived from its code, so that importing
     * the same variable again (or from another file) finds the same data element. A DHIS2-shaped UID (a
     * letter, then 10 letters or digits).
     */
    public String uid() {
        byte[] hash;
        try {
            hash = MessageDigest.getInstance("SHA-256")
                    .digest(("santeatlas:climate:" + code).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
        String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        String alphanumerics = letters + "0123456789";
        StringBuilder uid = new StringBuilder(11);
        uid.append(letters.charAt((hash[0] & 0xFF) % letters.length()));
        for (int i = 1; i < 11; i++) {
            uid.append(alphanumerics.charAt((hash[i] & 0xFF) % alphanumerics.length()));
        }
        return uid.toString();
    }

    /** A variable named in a header or a variable column, with the unit its name states (may be null). */
    record Named(ClimateVariable variable, Unit unit) {
    }

    /**
     * Recognises "total_precipitation", "tp", "precipitation_mm", "2m_temperature", "t2m_k",
     * "Température (°C)", "temperature_2m_min", "relative_humidity"...; null for anything else (e.g.
     * {@code 2m_dewpoint_temperature}, which is not an air temperature).
     */
    static Named parse(String header) {
        List<String> tokens = new ArrayList<>(Arrays.asList(NameKey.of(header).split(" ")));
        tokens.removeIf(String::isEmpty);
        if (tokens.isEmpty()) {
            return null;
        }
        Unit unit = null;
        String last = tokens.get(tokens.size() - 1);
        if (tokens.size() > 1 && UNIT_SUFFIXES.contains(last)) {
            unit = Unit.parse(last);
            tokens.remove(tokens.size() - 1);
        } else if (header.contains("%")) {
            unit = Unit.PERCENT;
        }
        // ECMWF's names for precipitation (short name tp, CDS name total_precipitation) are in metres, its
        // native unit (ERA5 parameter database), unless the file says otherwise.
        boolean ecmwfPrecipitation = tokens.contains("tp")
                || tokens.contains("total") && tokens.contains("precipitation");
        tokens.removeIf(NOISE::contains);
        String extreme = null;
        for (String t : List.copyOf(tokens)) {
            if (Set.of("min", "minimum", "minimale", "max", "maximum", "maximale").contains(t)) {
                extreme = t.startsWith("min") ? "min" : "max";
                tokens.remove(t);
            }
        }
        String rest = String.join(" ", tokens).toLowerCase(Locale.ROOT);
        for (ClimateVariable v : values()) {
            if (v.aliases.contains(rest)) {
                if (extreme == null) {
                    return new Named(v, unit == null && v == PRECIPITATION && ecmwfPrecipitation ? Unit.METRE : unit);
                }
                if (v == TEMPERATURE) {
                    return new Named(extreme.equals("min") ? TEMPERATURE_MIN : TEMPERATURE_MAX, unit);
                }
                return null;
            }
        }
        return null;
    }

    /**
     * A value in this variable's stored unit, computed in decimal (no binary rounding: 300.15 K is
     * exactly 27 °C). Without a stated unit, a temperature above 150 is taken for kelvin: no air
     * temperature reaches 150 °C, and none in kelvin falls below 150 K (−123 °C). Precipitation
     * without a unit is taken for millimetres (but see {@link #parse}: ECMWF's names imply metres),
     * humidity for percent.
     *
     * @return the converted value and the unit it was converted from (null when none was needed)
     * @throws IllegalArgumentException when the unit does not fit this variable
     */
    Converted convert(BigDecimal value, Unit unit) {
        switch (quantity) {
            case TEMPERATURE -> {
                if (unit == Unit.KELVIN || unit == null && value.compareTo(BigDecimal.valueOf(150)) > 0) {
                    return new Converted(value.subtract(new BigDecimal("273.15")), Unit.KELVIN);
                }
                if (unit == null || unit == Unit.CELSIUS) {
                    return new Converted(value, null);
                }
            }
            case PRECIPITATION -> {
                if (unit == Unit.METRE) {
                    return new Converted(value.movePointRight(3), Unit.METRE);
                }
                if (unit == null || unit == Unit.MILLIMETRE) {
                    return new Converted(value, null);
                }
            }
            case HUMIDITY -> {
                if (unit == null || unit == Unit.PERCENT) {
                    return new Converted(value, null);
                }
            }
        }
        throw new IllegalArgumentException(unit.symbol + " is not a unit of " + quantity.storedUnit);
    }

    /** @param from the unit the value was converted from, null when it was stored as given */
    record Converted(BigDecimal value, Unit from) {

        /** Plain decimal text without trailing zeros: "27", "12.5", "-3.25". */
        String text() {
            BigDecimal v = value.stripTrailingZeros();
            if (v.signum() == 0) {
                return "0";
            }
            return v.scale() < 0 ? v.setScale(0).toPlainString() : v.toPlainString();
        }
    }
}
