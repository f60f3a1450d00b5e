package org.santeatlas.map.coverage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.santeatlas.map.MapMessages;
import org.santeatlas.map.data.MapDataRepository;
import org.santeatlas.map.layer.LocalityLayer;
import org.santeatlas.map.layer.MapModel;
import org.santeatlas.map.print.PrintLayout;
import org.santeatlas.map.style.Rgba;

/**
 * Adds the carte sanitaire analysis to a composed map: the coverage zone above the boundaries and the
 * localities coloured covered / not covered above it, both under the facilities (and any layer after them);
 * the subtitle states the share covered. Reads the workspace (blocking, the workspace's thread).
 */
public final class CoverageMaps {

    /** Largest dot of the localities, reference pixels. */
    static final double LOCALITY_DOT = 14;

    private CoverageMaps() {
    }

    /** The layout with the coverage layers of {@code result} added. */
    public static PrintLayout withCoverage(PrintLayout layout, Connection connection, CoverageResult result)
            throws SQLException {
        MapMessages m = layout.messages();
        List<MapModel.Entry> entries = new ArrayList<>(layout.model().entries());
        int at = entries.size();
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).layer().id().equals("facilities")) {
                at = i;
                break;
            }
        }
        LocalityLayer localities = new LocalityLayer("coverage-localities", m.get("legend.localities"),
                new MapDataRepository(connection).localities(), Rgba.hex("#555555"), LOCALITY_DOT,
                CoverageLayer.localityCoverage(result));
        entries.add(at, new MapModel.Entry(localities, true, 1));
        entries.add(at, new MapModel.Entry(CoverageLayer.of("coverage", result), true, 1));
        String line = m.get("subtitle.coverage", m.number(result.total().coveragePercent(), 1),
                m.number(result.radiusMetres() / 1000, 2));
        String subtitle = layout.subtitle().isEmpty() ? line : layout.subtitle() + " — " + line;
        return new PrintLayout(new MapModel(entries), layout.focus(), layout.title(), subtitle, layout.source(),
                layout.fictional(), m);
    }
}
