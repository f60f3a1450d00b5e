package org.santeatlas.reports.dqr;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.santeatlas.core.store.ImportBatch;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.reports.ReportText;
import org.santeatlas.reports.data.WorkspaceData;
import org.santeatlas.reports.pdf.ReportDocument;

/** The cover of every report: title, district, period, date, workspace file and the import batches' provenance. */
public final class ReportCovers {

    private ReportCovers() {
    }

    /** The file's own name: batches record the path it was imported from, which says nothing on paper. */
    static String fileName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return slash < 0 ? path : path.substring(slash + 1);
    }

    public static ReportDocument.Cover cover(Workspace ws, WorkspaceData data, ReportText t, String title,
                                             String district, String period, LocalDate today) throws SQLException {
        List<String> provenance = new ArrayList<>();
        for (ImportBatch b : data.batches()) {
            provenance.add(t.get("cover.batch", fileName(b.fileName()), b.format(),
                    t.date(b.started().toLocalDate()), t.format(b.created(), 0), t.format(b.updated(), 0),
                    t.format(b.rejected(), 0)));
        }
        return new ReportDocument.Cover(title, district, period, t.date(today), ws.file().getFileName().toString(),
                provenance, ws.isDemo());
    }
}
