package org.santeatlas.map.print;

import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.santeatlas.core.period.Period;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.map.MapMessages;
import org.santeatlas.map.data.FacilityKind;
import org.santeatlas.map.data.FacilityType;
import org.santeatlas.map.data.FeatureSet;
import org.santeatlas.map.layer.FacilityLayer;
import org.santeatlas.map.layer.Layer;
import org.santeatlas.map.style.TextStyle;

/** The facility layer of a printed map, symbolised as the request asks. */
final class FacilityStyling {

    private FacilityStyling() {
    }

    static Layer layer(Workspace ws, MapRequest request, Optional<Period> period, FeatureSet facilities,
            List<FacilityType> types, List<FacilityKind> labelled, TextStyle label, MapMessages m) throws SQLException {
        return new FacilityLayer("facilities", m.get("legend.facilities"), facilities, types,
                FacilityLayer.defaultSymbols(types), label, labelled);
    }
}
