package org.santeatlas.testdata;

import java.time.LocalDate;
import org.locationtech.jts.geom.Coordinate;

/** A health facility (level 5 organisation unit) and what drives its monthly activity. */
final class Facility {

    enum Type {
        CHR("Centre Hospitalier Régional", "CHR"),
        HD("Hôpital de District", "HD"),
        CSI2("CSI type 2", "CSI2"),
        CSI1("CSI type 1", "CSI1"),
        CASE("Case de santé", "CS");

        final String label;
        final String groupCode;

        Type(String label, String groupCode) {
            this.label = label;
            this.groupCode = groupCode;
        }

        boolean isHospital() {
            return this == CHR || this == HD;
        }

        boolean isCsi() {
            return this == CSI1 || this == CSI2;
        }
    }

    enum Ownership {
        PUBLIC("Public", "PUB"),
        PRIVATE("Privé", "PRIV"),
        FAITH("Confessionnel", "CONF");

        final String label;
        final String groupCode;

        Ownership(String label, String groupCode) {
            this.label = label;
            this.groupCode = groupCode;
        }
    }

    final Type type;
    final AdminUnit area;
    /** Village or town the facility is named after. */
    final String place;
    /** Where the facility really is (on the 1e-6 degree grid, x = longitude). */
    final Coordinate truePoint;

    Ownership ownership = Ownership.PUBLIC;
    String name;
    String shortName;
    String uid;
    String code;
    /** What metadata.json says: the true point, a planted error, or null (no coordinates). */
    Coordinate publishedPoint;
    LocalDate openingDate;
    LocalDate closedDate;

    /** People served for primary care (or referral population for hospitals). */
    double catchment;
    /** Multipliers of the national averages, drawn once per facility. */
    double utilisation = 1;
    double antenatal = 1;
    double immunisation = 1;
    /** Probability that a monthly report is sent, and that it is sent on time. */
    double reliability = 0.97;
    double punctuality = 0.9;

    boolean inRegistry = true;
    boolean registryHasCoordinates = true;
    /** For a near duplicate: the facility it duplicates. */
    Facility duplicateOf;
    /** Username of the district data clerk (DHIS2 storedBy). */
    String storedBy;
    /** Position in the facility list sorted by code; used to seed its random streams. */
    int index;

    Facility(Type type, AdminUnit area, String place, Coordinate truePoint) {
        this.type = type;
        this.area = area;
        this.place = place;
        this.truePoint = truePoint;
        this.publishedPoint = truePoint;
    }

    AdminUnit district() {
        return area.parent;
    }

    boolean isOpenDuring(LocalDate monthStart, LocalDate monthEnd) {
        return !openingDate.isAfter(monthEnd) && (closedDate == null || !closedDate.isBefore(monthStart));
    }
}
