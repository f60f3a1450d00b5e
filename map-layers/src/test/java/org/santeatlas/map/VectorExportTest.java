package org.santeatlas.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.santeatlas.core.workspace.AccessMode;
import org.santeatlas.core.workspace.Workspace;
import org.santeatlas.map.layer.Legend;
import org.santeatlas.map.print.HealthMapComposer;
import org.santeatlas.map.print.MapExport;
import org.santeatlas.map.print.MapRequest;
import org.santeatlas.map.print.PrintLayout;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The demo's malaria map written as PDF and SVG through the Java2D painting path, read back. */
class VectorExportTest {

    static Workspace ws;
    static PrintLayout layout;

    @BeforeAll
    static void compose() throws Exception {
        ws = Workspace.open(DemoWorkspace.file(), AccessMode.READ_ONLY);
        layout = HealthMapComposer.compose(ws, MapRequest.defaults().withTheme("SNIS_PALU_CONF", "202407")
                .withLocale(Locale.FRENCH).madeOn(LocalDate.of(2026, 11, 23)));
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    /** Every label of the theme's legend ("12 – 34", "Pas de données", …). */
    static List<String> legendLabels() {
        List<String> labels = new ArrayList<>();
        for (Legend l : layout.legends()) {
            l.rows().forEach(r -> labels.add(r.label()));
        }
        return labels;
    }

    @Test
    void pdfIsOneA4LandscapePageOfVectorsAndEmbeddedText(@TempDir Path dir) throws Exception {
        Path pdf = dir.resolve("map.pdf");
        MapExport.write(layout, pdf, 1754, 1240, 150);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertThat(doc.getNumberOfPages()).isEqualTo(1);
            PDPage page = doc.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isCloseTo(842f, org.assertj.core.api.Assertions.within(1f));
            assertThat(page.getMediaBox().getHeight()).isCloseTo(595f, org.assertj.core.api.Assertions.within(1f));
            List<PDFont> fonts = new ArrayList<>();
            List<PDImageXObject> images = new ArrayList<>();
            collect(page.getResources(), fonts, images);
            assertThat(images).as("image XObjects: the map must be vector").isEmpty();
            assertThat(fonts).isNotEmpty();
            assertThat(fonts).allSatisfy(f -> {
                assertThat(f.isEmbedded()).as(f.getName() + " embedded").isTrue();
                assertThat(f.getName()).contains("DejaVuSans");
            });
            String text = new PDFTextStripper().getText(doc);
            assertThat(text).contains(layout.title());
            assertThat(legendLabels()).isNotEmpty();
            for (String label : legendLabels()) {
                assertThat(text).contains(label);
            }
            assertThat(text).contains("DONNÉES FICTIVES");
        }
    }

    @Test
    void svgIsXmlWithPathsAndText(@TempDir Path dir) throws Exception {
        Path svg = dir.resolve("map.svg");
        MapExport.write(layout, svg, 1754, 1240, 150);
        byte[] bytes = Files.readAllBytes(svg);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        // JFreeSVG writes the SVG 1.1 DOCTYPE: parse offline, without fetching the DTD.
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
        assertThat(doc.getDocumentElement().getLocalName()).isEqualTo("svg");
        // 1754 px at 150 dpi = 11.69 in = 1122.6 CSS px.
        assertThat(Double.parseDouble(doc.getDocumentElement().getAttribute("width").replace("px", "")))
                .isCloseTo(1122.56, org.assertj.core.api.Assertions.within(0.1));
        NodeList paths = doc.getElementsByTagNameNS("*", "path");
        assertThat(paths.getLength()).isGreaterThan(100);
        NodeList texts = doc.getElementsByTagNameNS("*", "text");
        List<String> written = new ArrayList<>();
        for (int i = 0; i < texts.getLength(); i++) {
            written.add(texts.item(i).getTextContent());
        }
        assertThat(written).contains(layout.title());
        assertThat(written).containsAll(legendLabels());
        assertThat(doc.getElementsByTagNameNS("*", "image").getLength()).isZero();
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("DejaVu Sans");
    }

    private static void collect(PDResources res, List<PDFont> fonts, List<PDImageXObject> images) throws Exception {
        if (res == null) {
            return;
        }
        for (COSName n : res.getFontNames()) {
            fonts.add(res.getFont(n));
        }
        for (COSName n : res.getXObjectNames()) {
            PDXObject x = res.getXObject(n);
            if (x instanceof PDImageXObject img) {
                images.add(img);
            } else if (x instanceof PDFormXObject form) {
                collect(form.getResources(), fonts, images);
            }
        }
    }
}
