package org.santeatlas.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.santeatlas.core.store.IdScheme;
import org.santeatlas.core.store.IdSchemes;
import org.santeatlas.core.store.Problem;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.importers.Compression;
import org.santeatlas.importers.FormatDetector;
import org.santeatlas.importers.ImportFormat;
import org.santeatlas.importers.ImportOptions;
import org.santeatlas.importers.ImportProgress;
import org.santeatlas.importers.ImportResult;
import org.santeatlas.importers.ImportService;
import org.santeatlas.importers.geo.BoundaryReport;
import org.santeatlas.importers.geo.Shapefile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code santeatlas import -w WORKSPACE FILE...}: imports files, each in one transaction, metadata
 * before the data that refers to it. Creates the workspace when its file does not exist yet.
 */
@Command(name = "import", description = "Import DHIS2/SNIS exports, facility registries, localities and boundaries (GeoJSON, shapefiles) into a workspace.")
final class ImportCommand implements Callable<Integer> {

    @Option(names = {"-w", "--workspace"}, required = true,
            description = "The workspace file (NAME or NAME.mv.db); created if it does not exist.")
    Path workspace;

    @Option(names = "--format", description = "Force the format of every file: ${COMPLETION-CANDIDATES}",
            converter = FormatConverter.class)
    ImportFormat format;

    @Option(names = "--skip-invalid", description = "Import the valid records of a file that has invalid ones and"
            + " list those rejected (by default such a file is not imported at all).")
    boolean skipInvalid;

    @Option(names = "--create-missing", description = "Keep values that refer to unknown org units, data elements"
            + " or option combos under placeholder metadata that a later metadata import completes.")
    boolean createMissing;

    @Option(names = "--id-scheme", paramLabel = "SCHEME", description = "How data files name every reference:"
            + " UID, CODE or NAME (default: UID, then code).", converter = IdSchemeConverter.class)
    IdScheme idScheme;

    @Option(names = "--data-element-id-scheme", paramLabel = "SCHEME", converter = IdSchemeConverter.class,
            description = "How data files name data elements: UID, CODE or NAME.")
    IdScheme dataElementIdScheme;

    @Option(names = "--org-unit-id-scheme", paramLabel = "SCHEME", converter = IdSchemeConverter.class,
            description = "How data files name org units: UID, CODE or NAME.")
    IdScheme orgUnitIdScheme;

    @Option(names = "--category-option-combo-id-scheme", paramLabel = "SCHEME", converter = IdSchemeConverter.class,
            description = "How data files name category option combos: UID, CODE or NAME.")
    IdScheme categoryOptionComboIdScheme;

    @Option(names = "--charset", paramLabel = "CHARSET", description = "Character set of CSV files and of shapefiles' .dbf, e.g. UTF-8 or"
            + " windows-1252 (default: detected).", converter = CharsetConverter.class)
    Charset charset;

    @Option(names = "--mapping", paramLabel = "FILE", description = "A saved column mapping (JSON) for registry"
            + " spreadsheets.")
    Path mapping;

    @Option(names = "--as-layer", description = "Import boundary files as a layer of their own instead of attaching"
            + " their shapes to the org units they match.")
    boolean asLayer;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import.")
    List<Path> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Messages m = Messages.forDefaultLocale();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new UserException(m.get("import.fileNotFound", file));
            }
        }
        if (mapping != null && !Files.isRegularFile(mapping)) {
            throw new UserException(m.get("import.fileNotFound", mapping));
        }
        ImportOptions options = options();
        // districts.* names the parts of a shapefile: its .shp imports them.
        List<Path> ordered = new ArrayList<>(files.stream().filter(f -> !Shapefile.isSidecar(f, files)).toList());
        if (format == null) {
            // Metadata first, so that data values find their data elements and org units.
            List<Integer> ranks = new ArrayList<>();
            for (Path f : ordered) {
                // An archive orders its own entries: it goes first, with the metadata.
                ranks.add(Compression.of(f) == Compression.ZIP ? 0
                        : ImportService.importOrder(FormatDetector.detect(f).orElse(null)));
            }
            List<Path> copy = new ArrayList<>(ordered);
            ordered.sort(Comparator.comparingInt(f -> ranks.get(copy.indexOf(f))));
        }
        boolean anyFailed = false;
        try (Workspace ws = Workspace.openOrCreate(workspace)) {
            ImportService service = new ImportService(ws);
            for (Path file : ordered) {
                ImportProgress progress = TerminalProgress.forFile(err, m, file.getFileName().toString());
                List<ImportResult> results = service.importPath(file, Optional.ofNullable(format), options,
                        progress);
                if (progress instanceof TerminalProgress shown) {
                    shown.done();
                }
                for (ImportResult r : results) {
                    anyFailed |= report(r, m, out, err);
                }
            }
            out.println(ws.file());
        }
        out.flush();
        err.flush();
        return anyFailed ? 1 : 0;
    }

    ImportOptions options() {
        IdSchemes schemes = IdSchemes.all(idScheme == null ? IdScheme.AUTO : idScheme);
        if (dataElementIdScheme != null) {
            schemes = schemes.withDataElement(dataElementIdScheme);
        }
        if (orgUnitIdScheme != null) {
            schemes = schemes.withOrgUnit(orgUnitIdScheme);
        }
        if (categoryOptionComboIdScheme != null) {
            schemes = schemes.withCategoryOptionCombo(categoryOptionComboIdScheme);
        }
        return ImportOptions.DEFAULTS.withSkipInvalid(skipInvalid).withCreateMissing(createMissing)
                .withIdSchemes(schemes).withCharset(charset).withMapping(mapping).withAttachBoundaries(!asLayer);
    }

    /** Prints one file's outcome; returns whether it failed. */
    private static boolean report(ImportResult r, Messages m, PrintWriter out, PrintWriter err) {
        String name = display(r.file());
        for (Problem p : r.problems()) {
            err.println(m.problem(p));
        }
        if (r.moreProblems() > 0) {
            err.println(m.get("import.moreProblems", r.moreProblems()));
        }
        if (r.failed()) {
            err.println(m.problem(r.failure().orElseThrow()));
            err.println(m.get("import.failedUnchanged", name));
            return true;
        }
        var c = r.counts();
        out.println(m.get("import.result", name, r.format().id(), c.createdCount(), c.updatedCount(),
                c.unchangedCount(), c.deletedCount(), c.rejectedCount()));
        if (r.changedNothing()) {
            out.println(m.get("import.nothingChanged", name));
        }
        r.report(BoundaryReport.class).ifPresent(b -> {
            if (b.attached()) {
                out.println(m.get("import.boundaryReport", name, b.matchedCount(), b.level(),
                        b.matchedByCode().size(), b.matchedByName().size(), b.ambiguous().size(), b.unmatched().size(),
                        b.repaired().size(), b.rejected().size()));
            }
            b.layer().ifPresent(layer -> out.println(m.get("import.boundaryLayer", name, b.layerFeatures(), layer)));
        });
        return false;
    }

    /** {@code dv.json}, or {@code export.zip!data/dv.json} for an archive's entry. */
    static String display(Path file) {
        String s = file.toString();
        int bang = s.indexOf('!');
        if (bang < 0) {
            return file.getFileName().toString();
        }
        return Path.of(s.substring(0, bang)).getFileName() + s.substring(bang);
    }


    /** {@code --id-scheme CODE}. */
    static final class IdSchemeConverter implements picocli.CommandLine.ITypeConverter<IdScheme> {
        @Override
        public IdScheme convert(String value) {
            return IdScheme.parse(value);
        }
    }

    /** {@code --charset windows-1252}. */
    static final class CharsetConverter implements picocli.CommandLine.ITypeConverter<Charset> {
        @Override
        public Charset convert(String value) {
            return Charset.forName(value);
        }
    }

    /** {@code --format dhis2-datavalueset-json} and the like. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<ImportFormat> {
        @Override
        public ImportFormat convert(String value) {
            return ImportFormat.fromId(value);
        }
    }
}
