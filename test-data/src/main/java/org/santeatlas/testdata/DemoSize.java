package org.santeatlas.testdata;

import java.util.Locale;

/** How big a fictional country to generate. */
public enum DemoSize {
    /** A small country for the demo workspace: about 230 facilities and 100,000 data values. */
    DEMO("demo"),
    /** A national-scale benchmark: about 5,000 facilities and more than 1.5 million data values. */
    NATIONAL("national");

    private final String externalName;

    DemoSize(String externalName) {
        this.externalName = externalName;
    }

    /** The name used on the command line and in the manifest ("demo", "national"). */
    public String externalName() {
        return externalName;
    }

    /**
     * Parses "demo" or "national", ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException for any other text
     */
    public static DemoSize fromName(String name) {
        if (name != null) {
            String wanted = name.strip().toLowerCase(Locale.ROOT);
            for (DemoSize size : values()) {
                if (size.externalName.equals(wanted)) {
                    return size;
                }
            }
        }
        throw new IllegalArgumentException("Unknown demo size '" + name + "': expected demo or national");
    }
}
