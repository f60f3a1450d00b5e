package org.santeatlas.map.theme;

import java.util.List;
import org.santeatlas.map.style.Rgba;

/**
 * ColorBrewer sequential palettes for 3 to 9 classes, colour values as published by Cynthia Brewer, Mark
 * Harrower and The Pennsylvania State University on https://colorbrewer2.org (Apache License 2.0). Each
 * class count has its own published colours (they are not cut from the 9-class palette). All of these
 * sequential ones are marked colour-blind safe and print friendly there (light to dark: low to high values);
 * two diverging schemes follow, RdYlBu (safe) and RdYlGn (flagged unsafe, {@link #colourBlindSafe()}).
 */
public enum Palette {
    YL_OR_RD("YlOrRd",
            "ffeda0 feb24c f03b20",
            "ffffb2 fecc5c fd8d3c e31a1c",
            "ffffb2 fecc5c fd8d3c f03b20 bd0026",
            "ffffb2 fed976 feb24c fd8d3c f03b20 bd0026",
            "ffffb2 fed976 feb24c fd8d3c fc4e2a e31a1c b10026",
            "ffffcc ffeda0 fed976 feb24c fd8d3c fc4e2a e31a1c b10026",
            "ffffcc ffeda0 fed976 feb24c fd8d3c fc4e2a e31a1c bd0026 800026"),
    YL_GN_BU("YlGnBu",
            "edf8b1 7fcdbb 2c7fb8",
            "ffffcc a1dab4 41b6c4 225ea8",
            "ffffcc a1dab4 41b6c4 2c7fb8 253494",
            "ffffcc c7e9b4 7fcdbb 41b6c4 2c7fb8 253494",
            "ffffcc c7e9b4 7fcdbb 41b6c4 1d91c0 225ea8 0c2c84",
            "ffffd9 edf8b1 c7e9b4 7fcdbb 41b6c4 1d91c0 225ea8 0c2c84",
            "ffffd9 edf8b1 c7e9b4 7fcdbb 41b6c4 1d91c0 225ea8 253494 081d58"),
    BLUES("Blues",
            "deebf7 9ecae1 3182bd",
            "eff3ff bdd7e7 6baed6 2171b5",
            "eff3ff bdd7e7 6baed6 3182bd 08519c",
            "eff3ff c6dbef 9ecae1 6baed6 3182bd 08519c",
            "eff3ff c6dbef 9ecae1 6baed6 4292c6 2171b5 084594",
            "f7fbff deebf7 c6dbef 9ecae1 6baed6 4292c6 2171b5 084594",
            "f7fbff deebf7 c6dbef 9ecae1 6baed6 4292c6 2171b5 08519c 08306b"),
    GREENS("Greens",
            "e5f5e0 a1d99b 31a354",
            "edf8e9 bae4b3 74c476 238b45",
            "edf8e9 bae4b3 74c476 31a354 006d2c",
            "edf8e9 c7e9c0 a1d99b 74c476 31a354 006d2c",
            "edf8e9 c7e9c0 a1d99b 74c476 41ab5d 238b45 005a32",
            "f7fcf5 e5f5e0 c7e9c0 a1d99b 74c476 41ab5d 238b45 005a32",
            "f7fcf5 e5f5e0 c7e9c0 a1d99b 74c476 41ab5d 238b45 006d2c 00441b"),
    ORANGES("Oranges",
            "fee6ce fdae6b e6550d",
            "feedde fdbe85 fd8d3c d94701",
            "feedde fdbe85 fd8d3c e6550d a63603",
            "feedde fdd0a2 fdae6b fd8d3c e6550d a63603",
            "feedde fdd0a2 fdae6b fd8d3c f16913 d94801 8c2d04",
            "fff5eb fee6ce fdd0a2 fdae6b fd8d3c f16913 d94801 8c2d04",
            "fff5eb fee6ce fdd0a2 fdae6b fd8d3c f16913 d94801 a63603 7f2704"),
    REDS("Reds",
            "fee0d2 fc9272 de2d26",
            "fee5d9 fcae91 fb6a4a cb181d",
            "fee5d9 fcae91 fb6a4a de2d26 a50f15",
            "fee5d9 fcbba1 fc9272 fb6a4a de2d26 a50f15",
            "fee5d9 fcbba1 fc9272 fb6a4a ef3b2c cb181d 99000d",
            "fff5f0 fee0d2 fcbba1 fc9272 fb6a4a ef3b2c cb181d 99000d",
            "fff5f0 fee0d2 fcbba1 fc9272 fb6a4a ef3b2c cb181d a50f15 67000d"),
    PURPLES("Purples",
            "efedf5 bcbddc 756bb1",
            "f2f0f7 cbc9e2 9e9ac8 6a51a3",
            "f2f0f7 cbc9e2 9e9ac8 756bb1 54278f",
            "f2f0f7 dadaeb bcbddc 9e9ac8 756bb1 54278f",
            "f2f0f7 dadaeb bcbddc 9e9ac8 807dba 6a51a3 4a1486",
            "fcfbfd efedf5 dadaeb bcbddc 9e9ac8 807dba 6a51a3 4a1486",
            "fcfbfd efedf5 dadaeb bcbddc 9e9ac8 807dba 6a51a3 54278f 3f007d"),
    /** Diverging red – yellow – blue: low values red. Colour-blind safe. Suits rates where high is good. */
    RD_YL_BU("RdYlBu", true,
            "fc8d59 ffffbf 91bfdb",
            "d7191c fdae61 abd9e9 2c7bb6",
            "d7191c fdae61 ffffbf abd9e9 2c7bb6",
            "d73027 fc8d59 fee090 e0f3f8 91bfdb 4575b4",
            "d73027 fc8d59 fee090 ffffbf e0f3f8 91bfdb 4575b4",
            "d73027 f46d43 fdae61 fee090 e0f3f8 abd9e9 74add1 4575b4",
            "d73027 f46d43 fdae61 fee090 ffffbf e0f3f8 abd9e9 74add1 4575b4"),
    /**
     * Diverging red – yellow – green: familiar on dashboards, but NOT colour-blind safe (red and green look
     * alike to about 1 man in 12): offered, flagged, never the default.
     */
    RD_YL_GN("RdYlGn", false,
            "fc8d59 ffffbf 91cf60",
            "d7191c fdae61 a6d96a 1a9641",
            "d7191c fdae61 ffffbf a6d96a 1a9641",
            "d73027 fc8d59 fee08b d9ef8b 91cf60 1a9850",
            "d73027 fc8d59 fee08b ffffbf d9ef8b 91cf60 1a9850",
            "d73027 f46d43 fdae61 fee08b d9ef8b a6d96a 66bd63 1a9850",
            "d73027 f46d43 fdae61 fee08b ffffbf d9ef8b a6d96a 66bd63 1a9850");

    private final String brewerName;
    private final boolean colourBlindSafe;
    private final List<List<Rgba>> byCount;

    Palette(String brewerName, String... rows) {
        this(brewerName, true, rows);
    }

    Palette(String brewerName, boolean colourBlindSafe, String... rows) {
        this.brewerName = brewerName;
        this.colourBlindSafe = colourBlindSafe;
        if (rows.length != Classifier.MAX_CLASSES - Classifier.MIN_CLASSES + 1) {
            throw new IllegalStateException(brewerName + ": one row per class count 3..9");
        }
        List<List<Rgba>> all = new java.util.ArrayList<>();
        for (String row : rows) {
            all.add(java.util.Arrays.stream(row.split(" ")).map(Rgba::hex).toList());
        }
        this.byCount = List.copyOf(all);
    }

    /** Whether colorbrewer2.org marks the scheme colour-blind safe (every sequential one here; RdYlGn not). */
    public boolean colourBlindSafe() {
        return colourBlindSafe;
    }

    /** The scheme's name on colorbrewer2.org (YlOrRd, Blues…). */
    public String brewerName() {
        return brewerName;
    }

    /**
     * The colours for {@code classes} classes. One or two classes (too few distinct values) take the
     * lightest and darkest of the 3-class palette.
     */
    public List<Rgba> colors(int classes) {
        if (classes < 1 || classes > Classifier.MAX_CLASSES) {
            throw new IllegalArgumentException("classes must be within 1..9: " + classes);
        }
        if (classes < Classifier.MIN_CLASSES) {
            List<Rgba> three = byCount.get(0);
            return classes == 1 ? List.of(three.get(2)) : List.of(three.get(0), three.get(2));
        }
        return byCount.get(classes - Classifier.MIN_CLASSES);
    }

    /** A palette by its ColorBrewer name, case-insensitive (ylorrd, blues…). */
    public static Palette byName(String name) {
        for (Palette p : values()) {
            if (p.brewerName.equalsIgnoreCase(name) || p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown palette: " + name);
    }
}
