package org.santeatlas.importers;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * Reading coordinates as spreadsheets and GPS units write them: decimal degrees with a point or a comma
 * ({@code 13.5123}, {@code 13,5123}, {@code -2.1}), and degrees-minutes-seconds with a hemisphere letter
 * before or after ({@code 13°30'45.2"N}, {@code 13° 30' 45" N}, {@code N 13 30 45.2}, {@code 13:30:45.2N},
 * {@code 2°6'W}) or degrees with decimal minutes ({@code 13°30.75'N}). South and west (French
 * <i>ouest</i>: {@code O}) are negative. Swapped latitude and longitude are not guessed here: the quality
 * checks look at where points fall.
 */
public final class Coordinates {

    /** How the coordinate columns of a file are written (a column mapping's {@code "coordinates"}). */
    public enum Notation {
        /** Decimal degrees only; anything else is unreadable. */
        DECIMAL,
        /** Degrees, minutes and seconds expected; a plain number is read as degrees. */
        DMS,
        /** Either, value by value (the default). */
        AUTO;

        public static Notation fromId(String id) {
            return valueOf(id.trim().toUpperCase(Locale.ROOT));
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Which coordinate a value is: it decides which hemisphere letters fit and the range. */
    public enum Axis {
        LATITUDE(90, "NS"),
        LONGITUDE(180, "EWO");

        private final double limit;
        private final String letters;

        Axis(double limit, String letters) {
            this.limit = limit;
            this.letters = letters;
        }
    }

    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+([.,]\\d*)?|[.,]\\d+)");

    /** What may follow degrees, minutes and seconds (upper-cased text; a space or nothing always may). */
    private static final java.util.List<java.util.Set<String>> SEPARATORS = java.util.List.of(
            java.util.Set.of("°", "º", "˚", "D", ":"),
            java.util.Set.of("'", "′", "’", "‘", "´", "M", ":"),
            java.util.Set.of("\"", "″", "”", "“", "''", "′′", "’’", "S"));

    private Coordinates() {
    }

    /** A WGS 84 point (SRID 4326) at longitude, latitude in degrees. */
    public static Point point(double longitude, double latitude) {
        return WGS84.createPoint(new Coordinate(longitude, latitude));
    }

    /** Decimal degrees with a point or a comma (and a stray degree sign); no range check. */
    public static OptionalDouble parseDecimalDegrees(String text) {
        String s = text.trim().replace("°", "").trim();
        if (!DECIMAL.matcher(s).matches()) {
            return OptionalDouble.empty();
        }
        try {
            double v = Double.parseDouble(s.replace(',', '.'));
            return Double.isFinite(v) ? OptionalDouble.of(v) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** A latitude in the given notation, within ±90°; empty when unreadable or out of range. */
    public static OptionalDouble latitude(String text, Notation notation) {
        return parse(text, Axis.LATITUDE, notation);
    }

    /** A longitude in the given notation, within ±180°; empty when unreadable or out of range. */
    public static OptionalDouble longitude(String text, Notation notation) {
        return parse(text, Axis.LONGITUDE, notation);
    }

    /**
     * One coordinate in degrees: negative for south and west. Empty when the text is unreadable in the
     * notation, has a hemisphere letter of the other axis (an {@code E} on a latitude), minutes or
     * seconds of 60 or more, or lies outside ±90° (latitude) or ±180° (longitude).
     */
    public static OptionalDouble parse(String text, Axis axis, Notation notation) {
        if (text == null || text.isBlank()) {
            return OptionalDouble.empty();
        }
        OptionalDouble decimal = parseDecimalDegrees(text);
        if (decimal.isPresent()) {
            return inRange(decimal.getAsDouble(), axis);
        }
        if (notation == Notation.DECIMAL) {
            return OptionalDouble.empty();
        }
        return parseDms(text, axis);
    }

    private static OptionalDouble parseDms(String text, Axis axis) {
        String s = text.trim().toUpperCase(Locale.ROOT).replace('\u00A0', ' ');
        char hemisphere = 0;
        if (!s.isEmpty() && Character.isLetter(s.charAt(0))) {
            hemisphere = s.charAt(0);
            s = s.substring(1).trim();
        } else if (!s.isEmpty() && Character.isLetter(s.charAt(s.length() - 1))) {
            hemisphere = s.charAt(s.length() - 1);
            s = s.substring(0, s.length() - 1).trim();
        }
        if (hemisphere != 0 && "NSEWO".indexOf(hemisphere) < 0) {
            return OptionalDouble.empty();
        }
        if (hemisphere != 0 && axis.letters.indexOf(hemisphere) < 0) {
            return OptionalDouble.empty();
        }
        boolean minus = false;
        if (s.startsWith("-") || s.startsWith("+")) {
            minus = s.startsWith("-");
            s = s.substring(1).trim();
        }
        s = s.replace(',', '.');
        // Numbers and what follows each: "13°30'45.2\"" → 13 °, 30 ', 45.2 ".
        java.util.List<String> parts = new java.util.ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            int start = i;
            while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) {
                i++;
            }
            String number = s.substring(start, i);
            int sepStart = i;
            while (i < s.length() && !Character.isDigit(s.charAt(i))) {
                i++;
            }
            String separator = s.substring(sepStart, i).trim();
            int k = parts.size();
            if (number.isEmpty() || k == 3 || number.indexOf('.') != number.lastIndexOf('.')
                    || number.startsWith(".") || number.endsWith(".")
                    || !separator.isEmpty() && !SEPARATORS.get(k).contains(separator)) {
                return OptionalDouble.empty();
            }
            parts.add(number);
        }
        if (parts.isEmpty()) {
            return OptionalDouble.empty();
        }
        String deg = parts.get(0);
        String min = parts.size() > 1 ? parts.get(1) : null;
        String sec = parts.size() > 2 ? parts.get(2) : null;
        // Only the last part given may carry a fraction: 13.5°30' is not a coordinate.
        if (min != null && deg.contains(".") || sec != null && min.contains(".")) {
            return OptionalDouble.empty();
        }
        double minutes = min == null ? 0 : Double.parseDouble(min);
        double seconds = sec == null ? 0 : Double.parseDouble(sec);
        if (minutes >= 60 || seconds >= 60) {
            return OptionalDouble.empty();
        }
        double value = Double.parseDouble(deg) + minutes / 60 + seconds / 3600;
        boolean southOrWest = hemisphere == 'S' || hemisphere == 'W' || hemisphere == 'O';
        boolean negative = minus || southOrWest;
        if (minus && southOrWest) {
            return OptionalDouble.empty(); // "-2°W": which one is meant?
        }
        return inRange(negative ? -value : value, axis);
    }

    private static OptionalDouble inRange(double v, Axis axis) {
        return Math.abs(v) <= axis.limit ? OptionalDouble.of(v) : OptionalDouble.empty();
    }
}
