package org.santeatlas.importers.geo;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The character set of a shapefile's {@code .dbf}: what its {@code .cpg} says (ArcGIS and QGIS write
 * one: {@code UTF-8}, {@code 1252}, {@code ANSI 1252}, {@code 8859-1}, {@code CP1252}), else the dBASE
 * header's language driver byte (byte 29), else windows-1252, the code page of the French-language
 * Windows machines most West African shapefiles were made on.
 */
public final class ShapefileCharsets {

    /** What a shapefile without any hint is read as. */
    public static final Charset DEFAULT = Charset.forName("windows-1252");

    /**
     * dBASE language driver IDs (header byte 29) → code page: the IDs of the dBASE IV / Visual FoxPro
     * code page table; ArcGIS writes 0x57 ("ANSI", i.e. the machine's Windows code page). 0 means "not set".
     */
    private static final Map<Integer, String> LANGUAGE_DRIVERS = Map.ofEntries(
            Map.entry(0x01, "IBM437"), Map.entry(0x02, "IBM850"), Map.entry(0x03, "windows-1252"),
            Map.entry(0x57, "windows-1252"), Map.entry(0x58, "windows-1252"), Map.entry(0x59, "windows-1252"),
            Map.entry(0x08, "IBM865"), Map.entry(0x09, "IBM437"), Map.entry(0x0A, "IBM850"),
            Map.entry(0x0B, "IBM437"), Map.entry(0x0D, "IBM437"), Map.entry(0x0E, "IBM850"),
            Map.entry(0x0F, "IBM437"), Map.entry(0x10, "IBM850"), Map.entry(0x11, "IBM437"),
            Map.entry(0x12, "IBM850"), Map.entry(0x14, "IBM850"), Map.entry(0x15, "IBM437"),
            Map.entry(0x16, "IBM850"), Map.entry(0x17, "IBM865"), Map.entry(0x18, "IBM437"),
            Map.entry(0x19, "IBM437"), Map.entry(0x1A, "IBM850"), Map.entry(0x1B, "IBM437"),
            Map.entry(0x1C, "IBM863"), Map.entry(0x1D, "IBM850"), Map.entry(0x1F, "IBM852"),
            Map.entry(0x22, "IBM852"), Map.entry(0x23, "IBM852"), Map.entry(0x24, "IBM860"),
            Map.entry(0x25, "IBM850"), Map.entry(0x26, "IBM866"), Map.entry(0x37, "IBM850"),
            Map.entry(0x40, "IBM852"), Map.entry(0x4D, "GBK"), Map.entry(0x4E, "x-IBM949"),
            Map.entry(0x4F, "x-IBM950"), Map.entry(0x50, "x-IBM874"), Map.entry(0x64, "IBM852"),
            Map.entry(0x65, "IBM866"), Map.entry(0x66, "IBM865"), Map.entry(0x67, "IBM861"),
            Map.entry(0x6A, "x-IBM737"), Map.entry(0x6B, "IBM857"), Map.entry(0x78, "x-IBM950"),
            Map.entry(0x79, "x-IBM949"), Map.entry(0x7A, "GBK"), Map.entry(0x7B, "x-IBM942"),
            Map.entry(0x7C, "x-windows-874"), Map.entry(0x7D, "windows-1255"), Map.entry(0x7E, "windows-1256"),
            Map.entry(0x86, "x-IBM737"), Map.entry(0x87, "IBM852"), Map.entry(0x88, "IBM857"),
            Map.entry(0xC8, "windows-1250"), Map.entry(0xC9, "windows-1251"), Map.entry(0xCA, "windows-1254"),
            Map.entry(0xCB, "windows-1253"), Map.entry(0xCC, "windows-1257"));

    private ShapefileCharsets() {
    }

    /** A {@code .cpg}'s content as a charset; empty when blank or unknown. */
    public static Optional<Charset> fromCpg(String cpg) {
        String s = cpg.strip().replace("\uFEFF", "").toUpperCase(Locale.ROOT);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        s = s.replaceFirst("^(ANSI|OEM)[ _-]*", "");
        if (s.equals("65001") || s.equals("UTF8")) {
            return Optional.of(Charset.forName("UTF-8"));
        }
        if (s.matches("8859[-_]?\\d{1,2}")) {
            return lookup("ISO-8859-" + s.replaceFirst("8859[-_]?", ""));
        }
        if (s.matches("ISO[-_ ]?8859[-_]?\\d{1,2}")) {
            return lookup("ISO-8859-" + s.replaceFirst("ISO[-_ ]?8859[-_]?", ""));
        }
        if (s.matches("\\d{3,5}")) {
            int page = Integer.parseInt(s);
            if (page >= 88591 && page <= 885916) {
                return lookup("ISO-8859-" + s.substring(4));
            }
            if (page >= 1250 && page <= 1258) {
                return lookup("windows-" + page);
            }
            return lookup("IBM" + page).or(() -> lookup("x-IBM" + page)).or(() -> lookup("cp" + page));
        }
        if (s.matches("(CP|WINDOWS[-_ ]?)\\d{3,4}")) {
            String page = s.replaceAll("\\D", "");
            int n = Integer.parseInt(page);
            return lookup(n >= 1250 && n <= 1258 ? "windows-" + n : "IBM" + n).or(() -> lookup("cp" + page));
        }
        if (s.equals("LATIN1") || s.equals("LATIN-1")) {
            return lookup("ISO-8859-1");
        }
        return lookup(s);
    }

    /** The charset a dBASE language driver ID names; empty for 0 (unset) and unknown IDs. */
    public static Optional<Charset> fromLanguageDriver(int id) {
        String name = LANGUAGE_DRIVERS.get(id & 0xff);
        return name == null ? Optional.empty() : lookup(name);
    }

    private static Optional<Charset> lookup(String name) {
        try {
            return Charset.isSupported(name) ? Optional.of(Charset.forName(name)) : Optional.empty();
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }
}
