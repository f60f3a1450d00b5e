package org.santeatlas.quality;

import java.nio.file.Path;
import java.time.LocalDate;

/** Ready-made tiny workspaces for the checks' tests in other packages. */
public final class TinyWorkspaceAccess {

    private TinyWorkspaceAccess() {
    }

    /** A built tiny workspace. */
    public static final class Built implements AutoCloseable {
        final TinyWorkspace w;

        Built(TinyWorkspace w) {
            this.w = w;
        }

        public QualityContext context(String from, String to) {
            return w.context(from, to);
        }

        public java.sql.Connection connection() {
            return w.c;
        }

        @Override
        public void close() {
            w.close();
        }
    }

    /** Country → region → district → area → facilities F1–F5; see ReportingCheckTest for the table. */
    public static Built reportingDistrict(Path dir) throws Exception {
        TinyWorkspace w = new TinyWorkspace(dir);
        tree(w);
        w.orgUnit("FacilityF01", "Facility 1", "AreaAAAAA01", LocalDate.of(2000, 1, 1), null)
                .orgUnit("FacilityF02", "Facility 2", "AreaAAAAA01", LocalDate.of(2000, 1, 1), null)
                .orgUnit("FacilityF03", "Facility 3", "AreaAAAAA01", LocalDate.of(2024, 3, 1), null)
                .orgUnit("FacilityF04", "Facility 4", "AreaAAAAA01", LocalDate.of(2000, 1, 1), LocalDate.of(2024, 4, 30))
                .orgUnit("FacilityF05", "Facility 5", "AreaAAAAA01", LocalDate.of(2000, 1, 1), null)
                .dataElement("DataElem001", "DE1")
                .dataSet("ReportSet01", 15, new String[] {"DataElem001"}, "FacilityF01", "FacilityF02", "FacilityF03",
                        "FacilityF04")
                .dataSet("EmptySet001", 15, new String[] {"DataElem001"})
                .months("202401", "202406");
        String[] months = {"202401", "202402", "202403", "202404", "202405", "202406"};
        for (int i = 0; i < 6; i++) {
            LocalDate onTime = org.santeatlas.core.period.Period.parse(months[i]).endDate().plusDays(10);
            w.registration("ReportSet01", "FacilityF01", months[i], onTime);
            if (i < 2) {
                w.registration("ReportSet01", "FacilityF02", months[i], onTime);
            }
            if (i == 2 || i == 3) {
                w.registration("ReportSet01", "FacilityF03", months[i], onTime);
            }
            if (i < 4) {
                w.registration("ReportSet01", "FacilityF04", months[i], onTime);
            }
        }
        w.registration("ReportSet01", "FacilityF02", "202403", LocalDate.of(2024, 4, 20));
        return new Built(w);
    }

    static void tree(TinyWorkspace w) throws Exception {
        w.orgUnit("CountryC001", "Country", null, null, null)
                .orgUnit("RegionRRR01", "Region", "CountryC001", null, null)
                .orgUnit("DistrictD01", "District 1", "RegionRRR01", null, null)
                .orgUnit("AreaAAAAA01", "Area 1", "DistrictD01", null, null);
    }
}
