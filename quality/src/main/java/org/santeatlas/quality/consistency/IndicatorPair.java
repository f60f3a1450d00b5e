package org.santeatlas.quality.consistency;

import java.util.List;
import java.util.Objects;

/**
 * Two related data elements, named by their {@code DATA_ELEMENT.CODE}s, for the WHO DQR's internal
 * consistency between related indicators (Data Quality Review toolkit 2017, Module 1, domain 2 metric
 * 2d: e.g. ANC1 vs Penta1, Penta1 vs Penta3, malaria confirmed vs tested).
 *
 * @param name            short English name of the pair, e.g. {@code ANC1/Penta1}
 * @param numeratorCode   data element code of A (the numerator of the ratio A / B)
 * @param denominatorCode data element code of B
 * @param compareRatio    whether each district's ratio A / B is compared with the national ratio
 *                        (flagged beyond {@code QualityParameters.internalConsistency}, ±10 % by default)
 * @param atMost          the relation {@code A ≤ B} must hold at facility level (an impossible value
 *                        otherwise, e.g. more confirmed than tested malaria cases)
 * @param window          over which the relation A ≤ B is checked: one month, or the calendar year
 */
public record IndicatorPair(String name, String numeratorCode, String denominatorCode, boolean compareRatio,
                            boolean atMost, Window window) {

    /** The period over which A ≤ B must hold. */
    public enum Window { MONTH, YEAR }

    public IndicatorPair {
        Objects.requireNonNull(name);
        Objects.requireNonNull(numeratorCode);
        Objects.requireNonNull(denominatorCode);
        Objects.requireNonNull(window);
    }

    /**
     * The DQR's pairs with SantéAtlas's SNIS codes (the demo country's catalogue): ANC1 vs Penta1
     * (ratio), Penta1 vs Penta3 (ratio; Penta3 ≤ Penta1 over a year), malaria confirmed ≤ tested in a
     * month (ratio too: positivity), treated ≤ confirmed (ratio).
     */
    public static final List<IndicatorPair> SNIS_DEFAULTS = List.of(
            new IndicatorPair("ANC1/Penta1", "SNIS_CPN1", "SNIS_PEV_PENTA1", true, false, Window.YEAR),
            new IndicatorPair("Penta3/Penta1", "SNIS_PEV_PENTA3", "SNIS_PEV_PENTA1", true, true, Window.YEAR),
            new IndicatorPair("Malaria confirmed/tested", "SNIS_PALU_CONF", "SNIS_PALU_TEST", true, true,
                    Window.MONTH),
            new IndicatorPair("Malaria treated/confirmed", "SNIS_PALU_TRAIT", "SNIS_PALU_CONF", true, false,
                    Window.MONTH));
}
