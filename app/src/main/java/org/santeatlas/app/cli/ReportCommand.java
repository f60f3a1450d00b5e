package org.santeatlas.app.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.map.coverage.CoverageAnalysis;
import org.santeatlas.quality.QualityParameters;
import org.santeatlas.reports.ReportText;
import org.santeatlas.reports.atlas.AtlasReport;
import org.santeatlas.reports.data.ReportException;
import org.santeatlas.reports.dqr.DqrAnalysis;
import org.santeatlas.reports.dqr.DqrReport;
import org.santeatlas.reports.facility.FacilityReport;
import org.santeatlas.reports.pdf.Paper;
import org.santeatlas.reports.xlsx.DqrWorkbook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code santeatlas report -w W --type dqr|atlas|facility --district NAME|UID [--period 2025|2025Q1|2025-03]
 * [--lang fr|en] [--paper a4|letter] [--radius-km 5] --out FILE.pdf [--xlsx FILE.xlsx]}: prints a report as a PDF —
 * the district data-quality review (WHO DQR layout), the carte sanitaire atlas (every district without --district;
 * coverage within --radius-km) or the
 * facility sheets of a district; {@code dqr} also writes its tables as XLSX ({@code --out F.xlsx} alone, or
 * {@code --xlsx F} beside the PDF). Unknown district or period: exit 1 with the closest valid choices.
 */
@Command(name = "report", description = "Print a report as PDF: district data-quality review, atlas, facility sheets.")
final class ReportCommand implements Callable<Integer> {

    enum Type { dqr, atlas, facility }

    enum PaperOption { a4, letter }

    @Option(names = {"-w", "--workspace"}, required = true, description = "The workspace file (NAME or NAME.mv.db).")
    Path workspace;

    @Option(names = "--type", required = true, description = "The report: ${COMPLETION-CANDIDATES}.")
    Type type;

    @Option(names = "--district", paramLabel = "NAME|UID",
            description = "The district (name, code or UID); the atlas covers every district without it.")
    String district;

    @Option(names = "--period", paramLabel = "PERIOD",
            description = "Year (2025), quarter (2025Q1) or month (2025-03); default: the last year with data.")
    String period;

    @Option(names = "--lang", paramLabel = "fr|en", description = "Language of the report (default: the system's).")
    String lang;

    @Option(names = "--paper", description = "Paper: ${COMPLETION-CANDIDATES} (default: a4).")
    PaperOption paper = PaperOption.a4;

    @Option(names = "--out", required = true, paramLabel = "FILE.pdf",
            description = "The PDF to write (or, for dqr, FILE.xlsx for its tables only).")
    Path out;

    @Option(names = "--radius-km", paramLabel = "KM",
            description = "atlas: coverage radius in km (default: 5).")
    Double radiusKm;

    @Option(names = "--xlsx", paramLabel = "FILE.xlsx", description = "dqr: also write its tables as an XLSX workbook.")
    Path xlsx;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, SQLException {
        Messages m = Messages.forDefaultLocale();
        Locale locale;
        if (lang == null) {
            locale = "fr".equals(Locale.getDefault().getLanguage()) ? Locale.FRENCH : Locale.ENGLISH;
        } else if (lang.equals("fr") || lang.equals("en")) {
            locale = Locale.forLanguageTag(lang);
        } else {
            throw new UserException(m.get("report.badLang", lang));
        }
        boolean outXlsx = extension(out).equals("xlsx");
        if (!outXlsx && !extension(out).equals("pdf")) {
            throw new UserException(m.get("report.badOut", out));
        }
        if ((outXlsx || xlsx != null) && type != Type.dqr) {
            throw new UserException(m.get("report.xlsxDqrOnly"));
        }
        if (xlsx != null && !extension(xlsx).equals("xlsx")) {
            throw new UserException(m.get("report.badXlsx", xlsx));
        }
        if (radiusKm != null && type != Type.atlas) {
            throw new UserException(m.get("report.radiusAtlasOnly"));
        }
        if (radiusKm != null && (!(radiusKm > 0) || radiusKm > CoverageOptions.MAX_RADIUS_KM)) {
            throw new UserException(m.get("coverage.badRadius", radiusKm));
        }
        if ((district == null || district.isBlank()) && type != Type.atlas) {
            throw new UserException(m.get("report.districtRequired", type));
        }
        for (Path p : new Path[] {out, xlsx}) {
            if (p != null) {
                Path parent = p.toAbsolutePath().getParent();
                if (parent != null && !Files.isDirectory(parent)) {
                    throw new UserException(m.get("map.noFolder", parent));
                }
            }
        }
        ReportText text = new ReportText(locale);
        Paper sheet = paper == PaperOption.letter ? Paper.LETTER : Paper.A4;
        LocalDate today = LocalDate.now();
        PrintWriter w = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        try (Workspace ws = Workspace.open(workspace, AccessMode.READ_ONLY)) {
            switch (type) {
                case dqr -> {
                    DqrAnalysis.Result r = DqrAnalysis.run(ws, district, period, QualityParameters.DEFAULTS);
                    if (outXlsx) {
                        writeAtomically(out, o -> DqrWorkbook.write(r, text, o));
                    } else {
                        writeAtomically(out, o -> new DqrReport(r, text, sheet, today).write(o));
                        if (xlsx != null) {
                            writeAtomically(xlsx, o -> DqrWorkbook.write(r, text, o));
                        }
                    }
                    w.println(m.get("report.written", out.toAbsolutePath(), r.district().name(),
                            (System.nanoTime() - t0) / 1e9));
                    if (xlsx != null && !outXlsx) {
                        w.println(m.get("report.xlsxWritten", xlsx.toAbsolutePath()));
                    }
                }
                case facility -> {
                    int[] n = new int[1];
                    writeAtomically(out, o -> n[0] = FacilityReport.write(ws, district, period, text, sheet, today, o));
                    w.println(m.get("report.facilityWritten", out.toAbsolutePath(), n[0], (System.nanoTime() - t0) / 1e9));
                }
                case atlas -> {
                    int[] n = new int[1];
                    writeAtomically(out, o -> n[0] = AtlasReport.write(ws, district,
                            radiusKm == null ? CoverageAnalysis.DEFAULT_RADIUS : radiusKm * 1000, text, sheet, today, o));
                    w.println(m.get("report.atlasWritten", out.toAbsolutePath(), n[0], (System.nanoTime() - t0) / 1e9));
                }
                default -> throw new IllegalStateException(String.valueOf(type));
            }
        } catch (ReportException e) {
            throw new UserException(m.get(e.key(), e.typed(), String.join(", ", e.choices())), e);
        }
        w.flush();
        return 0;
    }

    interface Writer {
        void write(OutputStream out) throws IOException, SQLException;
    }

    /** Writes next to {@code target} and moves into place: a failed report never leaves half a file. */
    private static void writeAtomically(Path target, Writer writer) throws IOException, SQLException {
        Path abs = target.toAbsolutePath();
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".part");
        try {
            try (OutputStream o = Files.newOutputStream(tmp)) {
                writer.write(o);
            }
            Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1);
    }
}
