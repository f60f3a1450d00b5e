package org.santeatlas.importers.geo;

import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The EPSG code of a {@code .prj} file's WKT. GDAL and QGIS write OGC WKT with {@code AUTHORITY["EPSG",…]}
 * (which H2GIS's {@code PRJUtil} reads too); ArcGIS writes ESRI WKT, without authority, naming the system
 * ({@code WGS_1984_UTM_Zone_31N}). Recognised without authority: geographic WGS 84, WGS 84 / UTM zones
 * (by name, or by the Transverse Mercator parameters of a UTM zone) and Web Mercator, what West African
 * health and census shapefiles use (UTM 28N–32N: Senegal to Niger).
 */
public final class Projections {

    public static final int WGS84 = 4326;
    public static final int WEB_MERCATOR = 3857;

    private static final Pattern OUTER_AUTHORITY = Pattern.compile(
            "AUTHORITY\\s*\\[\\s*\"EPSG\"\\s*,\\s*\"?(\\d+)\"?\\s*]\\s*]\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ROOT = Pattern.compile("^\\s*(PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS)\\s*\\[\\s*\"([^\"]*)\"",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern UTM_NAME = Pattern.compile("wgs_?(?:19)?84_utm_zone_(\\d{1,2})_?([ns])(?:orth|outh)?$");
    private static final Pattern PARAMETER = Pattern.compile(
            "PARAMETER\\s*\\[\\s*\"([^\"]+)\"\\s*,\\s*(-?[0-9.eE+-]+)\\s*]", Pattern.CASE_INSENSITIVE);

    private Projections() {
    }

    /** The EPSG code the WKT names or describes; empty when it is none of those known. */
    public static OptionalInt epsg(String wkt) {
        String text = wkt.strip();
        Matcher authority = OUTER_AUTHORITY.matcher(text);
        if (authority.find()) {
            return OptionalInt.of(Integer.parseInt(authority.group(1)));
        }
        Matcher root = ROOT.matcher(text);
        if (!root.find()) {
            return OptionalInt.empty();
        }
        String kind = root.group(1).toUpperCase(Locale.ROOT);
        String name = key(root.group(2));
        boolean wgs84 = isWgs84(text);
        if (kind.startsWith("GEOG") || kind.equals("GEODCRS")) {
            return wgs84 || name.matches("(gcs_)?wgs_?(19)?84") ? OptionalInt.of(WGS84) : OptionalInt.empty();
        }
        Matcher utm = UTM_NAME.matcher(name);
        if (utm.find()) {
            return utm(Integer.parseInt(utm.group(1)), utm.group(2).equals("n"));
        }
        if (name.contains("web_mercator") || name.contains("pseudo_mercator")
                || name.equals("popular_visualisation_crs_mercator")) {
            return OptionalInt.of(WEB_MERCATOR);
        }
        if (wgs84 && text.toLowerCase(Locale.ROOT).contains("transverse_mercator")) {
            return utmFromParameters(text);
        }
        return OptionalInt.empty();
    }

    /** The coordinate system's name as written (for messages): the root's name, else the text's start. */
    public static String name(String wkt) {
        Matcher root = ROOT.matcher(wkt.strip());
        if (root.find()) {
            return root.group(2);
        }
        String s = wkt.strip();
        return s.length() <= 60 ? s : s.substring(0, 60) + "…";
    }

    private static boolean isWgs84(String wkt) {
        String k = key(wkt);
        return k.contains("d_wgs_1984") || k.contains("datum_wgs_1984") || k.contains("datum_world_geodetic_system_1984");
    }

    /** A UTM zone from Transverse Mercator parameters: scale 0.9996, false easting 500 km, meridian 6n−183. */
    private static OptionalInt utmFromParameters(String wkt) {
        double scale = Double.NaN;
        double easting = Double.NaN;
        double northing = 0;
        double meridian = Double.NaN;
        double origin = 0;
        Matcher m = PARAMETER.matcher(wkt);
        while (m.find()) {
            double v;
            try {
                v = Double.parseDouble(m.group(2));
            } catch (NumberFormatException e) {
                continue;
            }
            switch (key(m.group(1))) {
                case "scale_factor" -> scale = v;
                case "false_easting" -> easting = v;
                case "false_northing" -> northing = v;
                case "central_meridian", "longitude_of_center" -> meridian = v;
                case "latitude_of_origin", "latitude_of_center" -> origin = v;
                default -> {
                }
            }
        }
        if (Math.abs(scale - 0.9996) > 1e-9 || Math.abs(easting - 500_000) > 1e-6 || Math.abs(origin) > 1e-9) {
            return OptionalInt.empty();
        }
        double zone = (meridian + 183) / 6;
        if (Math.abs(zone - Math.rint(zone)) > 1e-9 || zone < 1 || zone > 60) {
            return OptionalInt.empty();
        }
        if (Math.abs(northing) < 1e-6) {
            return utm((int) Math.rint(zone), true);
        }
        if (Math.abs(northing - 10_000_000) < 1e-6) {
            return utm((int) Math.rint(zone), false);
        }
        return OptionalInt.empty();
    }

    /** EPSG's WGS 84 / UTM codes: 326zz north, 327zz south. */
    private static OptionalInt utm(int zone, boolean north) {
        return zone >= 1 && zone <= 60 ? OptionalInt.of((north ? 32600 : 32700) + zone) : OptionalInt.empty();
    }

    /** Lower case, runs of anything but letters and digits as one '_'. */
    private static String key(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
    }
}
