package org.santeatlas.reports.pdf;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import java.awt.Color;
import java.awt.Graphics2D;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitWidthDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.util.Matrix;
import org.santeatlas.reports.ReportText;

/**
 * A printed report built top to bottom: headings, wrapped paragraphs, tables that break across pages with
 * their header row repeated, and vector graphics (charts, maps) drawn through the PDFBox Graphics2D
 * bridge. {@link #save} then puts the cover and the table of contents in front (the contents know every
 * heading's page by then), and stamps each page with the running header (title, district), the footer
 * "page X / Y" and, for the demo workspace, the diagonal "fictional data" mark.
 *
 * <p>Units: PDF points (1/72 inch); the flow's {@code y} is measured from the top of the page, down.
 * Not thread-safe; one report per instance. Close it (or call {@link #save}, which closes).
 */
public final class ReportDocument implements Closeable {

    /** What the cover and the running header say. */
    public record Cover(String title, String district, String period, String generated, String workspace,
                        List<String> provenance, boolean fictional) {
        public Cover {
            Objects.requireNonNull(title);
            district = district == null ? "" : district;
            period = period == null ? "" : period;
            generated = generated == null ? "" : generated;
            workspace = workspace == null ? "" : workspace;
            provenance = List.copyOf(provenance);
        }
    }

    /** A heading recorded for the table of contents: its level (1, 2), text and 0-based content page. */
    public record Heading(int level, String text, int contentPage) {}

    static final float MARGIN_X = 50;
    static final float TOP = 62;
    static final float BOTTOM = 58;
    static final float BODY = 10;
    static final float LEADING = 1.32f;
    static final Color INK = new Color(0x1a, 0x1a, 0x1a);
    static final Color MUTED = new Color(0x55, 0x55, 0x55);
    static final Color RULE = new Color(0xbd, 0xbd, 0xbd);
    static final Color HEADER_FILL = new Color(0xe8, 0xe8, 0xe8);
    static final Color ACCENT = new Color(0x1f, 0x4e, 0x79);
    static final Color MARK = new Color(0xb2, 0x18, 0x2b);

    private final PDDocument doc;
    private final ReportFonts fonts;
    private final PdfBoxGraphics2DFontTextDrawer textDrawer;
    private final Paper paper;
    private final Cover cover;
    private final ReportText text;
    private final List<PDPage> content = new ArrayList<>();
    private final List<Heading> headings = new ArrayList<>();
    private final Map<String, byte[]> encoded = new HashMap<>();
    private PDPage page;
    private PDPageContentStream cs;
    private Orientation orientation = Orientation.PORTRAIT;
    private float y;
    private int graphics;

    public ReportDocument(Paper paper, Cover cover, ReportText text) {
        this.doc = new PDDocument();
        this.fonts = ReportFonts.load(doc);
        this.textDrawer = fonts.textDrawer();
        this.paper = Objects.requireNonNull(paper);
        this.cover = Objects.requireNonNull(cover);
        this.text = Objects.requireNonNull(text);
    }

    public PDDocument pdf() {
        return doc;
    }

    public ReportFonts fonts() {
        return fonts;
    }

    public List<Heading> headings() {
        return List.copyOf(headings);
    }

    /** The content pages so far (cover and contents excluded). */
    public int contentPages() {
        return content.size();
    }

    // ---------------------------------------------------------------- flow

    /** Starts a new content page in {@code o}; the following pages of the flow keep that orientation. */
    public void newPage(Orientation o) {
        closeStream();
        orientation = o;
        page = new PDPage(paper.box(o));
        doc.addPage(page);
        content.add(page);
        try {
            cs = new PDPageContentStream(doc, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = TOP;
    }

    /** Width of the text column of the current orientation. */
    public float textWidth() {
        return paper.box(orientation).getWidth() - 2 * MARGIN_X;
    }

    /** Height left on the current page before the footer zone. */
    public float remaining() {
        if (page == null) {
            return 0;
        }
        return page.getMediaBox().getHeight() - BOTTOM - y;
    }

    /** Moves to a new page (same orientation) unless {@code height} points still fit. */
    public void ensure(float height) {
        if (page == null || remaining() < height) {
            newPage(orientation);
        }
    }

    public void space(float points) {
        y += points;
    }

    /**
     * A heading: level 1 a section (on a new page of {@code o} when given), level 2 a subsection. Both go in
     * the table of contents with their page number and in the PDF's bookmarks.
     */
    public void heading(int level, String title) {
        float size = level == 1 ? 16 : 12.5f;
        ensure(size * 2 + 80);
        if (y > TOP) {
            y += level == 1 ? 10 : 8;
        }
        headings.add(new Heading(level, title, content.size() - 1));
        List<String> lines = wrap(title, fonts.bold(), size, textWidth());
        for (String l : lines) {
            y += size * 1.05f;
            show(l, fonts.bold(), size, MARGIN_X, y, level == 1 ? ACCENT : INK);
            y += size * 0.25f;
        }
        if (level == 1) {
            rule(MARGIN_X, y + 3, MARGIN_X + textWidth(), ACCENT, 1.2f);
            y += 10;
        } else {
            y += 4;
        }
    }

    /** A section starting on a new page of orientation {@code o}. */
    public void section(String title, Orientation o) {
        newPage(o);
        heading(1, title);
    }

    public void paragraph(String s) {
        paragraph(s, BODY, false, INK);
    }

    /** Wrapped text in the text column; breaks to new pages as needed. */
    public void paragraph(String s, float size, boolean bold, Color color) {
        PDFont f = fonts.font(bold);
        float lead = size * LEADING;
        for (String para : s.split("\n", -1)) {
            for (String line : wrap(para, f, size, textWidth())) {
                ensure(lead);
                y += lead;
                show(line, f, size, MARGIN_X, y - size * 0.25f, color);
            }
        }
        y += size * 0.45f;
    }

    /** A small muted note (source lines, definitions). */
    public void note(String s) {
        paragraph(s, 8.5f, false, MUTED);
    }

    /** A boxed note in red: a warning the reader must not miss. */
    public void notice(String s) {
        float size = 9.5f;
        List<String> lines = wrap(s, fonts.bold(), size, textWidth() - 16);
        float h = lines.size() * size * LEADING + 12;
        ensure(h + 6);
        try {
            cs.setStrokingColor(MARK);
            cs.setLineWidth(1);
            cs.addRect(MARGIN_X, pdfY(y + h), textWidth(), h);
            cs.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        float ly = y + 6;
        for (String l : lines) {
            ly += size * LEADING;
            show(l, fonts.bold(), size, MARGIN_X + 8, ly - size * 0.3f, MARK);
        }
        y += h + 8;
    }

    /**
     * Vector graphics of {@code width × height} points drawn by {@code painter} at the flow's position (x at the
     * left margin, or centred when narrower than the text column). Text drawn by the painter stays PDF text
     * in the embedded fonts. Breaks to a new page first when the graphic does not fit.
     */
    public void graphic(float width, float height, Consumer<Graphics2D> painter) {
        ensure(height + 4);
        float x = MARGIN_X + Math.max(0, (textWidth() - width) / 2);
        drawGraphic(x, y, width, height, painter);
        y += height + 8;
    }

    /** Vector graphics at a fixed place of the current page (top-left corner {@code x, top}, points). */
    public void drawGraphic(float x, float top, float width, float height, Consumer<Graphics2D> painter) {
        try {
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, width, height);
            g.setFontTextDrawer(textDrawer);
            try {
                painter.accept(g);
            } finally {
                g.dispose();
            }
            PDFormXObject form = g.getXFormObject();
            cs.saveGraphicsState();
            cs.transform(Matrix.getTranslateInstance(x, pdfY(top + height)));
            cs.drawForm(form);
            cs.restoreGraphicsState();
            graphics++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many graphics were drawn (charts, maps). */
    public int graphicCount() {
        return graphics;
    }

    /** The flow's position from the top of the page (points). */
    public float y() {
        return y;
    }

    public float left() {
        return MARGIN_X;
    }

    // ---------------------------------------------------------------- tables

    /** Draws {@code t} across the text column, breaking pages between rows and repeating the header row. */
    public void table(Table t) {
        tableIn(t, textWidth());
    }

    /**
     * Draws {@code t} {@code width} points wide from the left margin, breaking pages between rows and repeating
     * the header row (none when every column header is empty: a key–value table).
     */
    public void tableIn(Table t, float width) {
        float size = t.fontSize();
        float lead = size * 1.25f;
        float pad = 3;
        boolean hasHeader = t.columns().stream().anyMatch(c -> !c.header().isEmpty());
        double total = t.columns().stream().mapToDouble(Table.Column::weight).sum();
        float[] w = new float[t.columns().size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (width * t.columns().get(i).weight() / total);
        }
        String[] header = t.columns().stream().map(Table.Column::header).toArray(String[]::new);
        List<List<String>> headerCells = cells(header, w, fonts.bold(), size, pad);
        float headerH = hasHeader ? rowHeight(headerCells, lead, pad) : 0;
        boolean headerDrawn = false;
        for (int r = 0; r < t.rows().size(); r++) {
            List<List<String>> cells = cells(t.rows().get(r), w, fonts.regular(), size, pad);
            float h = rowHeight(cells, lead, pad);
            if (!headerDrawn || remaining() < h) {
                if (remaining() < headerH + h) {
                    newPage(orientation);
                }
                if (hasHeader) {
                    drawRow(t, -1, headerCells, w, headerH, size, lead, pad, true);
                }
                headerDrawn = true;
            }
            drawRow(t, r, cells, w, h, size, lead, pad, false);
        }
        if (!headerDrawn && hasHeader) {
            ensure(headerH);
            drawRow(t, -1, headerCells, w, headerH, size, lead, pad, true);
        }
        y += 8;
    }

    private List<List<String>> cells(String[] row, float[] w, PDFont f, float size, float pad) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < row.length; i++) {
            out.add(wrap(row[i] == null ? "" : row[i], f, size, w[i] - 2 * pad));
        }
        return out;
    }

    private static float rowHeight(List<List<String>> cells, float lead, float pad) {
        int lines = 1;
        for (List<String> c : cells) {
            lines = Math.max(lines, c.size());
        }
        return lines * lead + 2 * pad;
    }

    private void drawRow(Table t, int r, List<List<String>> cells, float[] w, float h, float size, float lead,
                         float pad, boolean header) {
        try {
            float x = MARGIN_X;
            for (int i = 0; i < w.length; i++) {
                Color fill = header ? HEADER_FILL : t.fill(r, i);
                if (fill != null) {
                    cs.setNonStrokingColor(fill);
                    cs.addRect(x, pdfY(y + h), w[i], h);
                    cs.fill();
                }
                x += w[i];
            }
            rule(MARGIN_X, y + h, MARGIN_X + sum(w), header ? INK : RULE, header ? 0.8f : 0.4f);
            x = MARGIN_X;
            PDFont f = header ? fonts.bold() : fonts.regular();
            for (int i = 0; i < w.length; i++) {
                float ly = y + pad;
                boolean right = t.columns().get(i).right();
                for (String line : cells.get(i)) {
                    ly += lead;
                    float lx = right ? x + w[i] - pad - width(line, f, size) : x + pad;
                    show(line, f, size, lx, ly - lead * 0.25f, INK);
                }
                x += w[i];
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y += h;
    }

    private static float sum(float[] w) {
        float s = 0;
        for (float v : w) {
            s += v;
        }
        return s;
    }

    // ---------------------------------------------------------------- text primitives

    /** Text width in points. */
    public float width(String s, PDFont f, float size) {
        try {
            return f.getStringWidth(safe(s, f)) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Greedy word wrap on ordinary spaces (never on the no-break spaces inside numbers). */
    public List<String> wrap(String s, PDFont f, float size, float max) {
        List<String> lines = new ArrayList<>();
        String clean = s.replace('\t', ' ').replace('\r', ' ');
        if (clean.isEmpty()) {
            lines.add("");
            return lines;
        }
        StringBuilder line = new StringBuilder();
        for (String word : clean.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, f, size) <= max) {
                line.setLength(0);
                line.append(candidate);
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            // a single word wider than the line: cut it
            String rest = word;
            while (width(rest, f, size) > max && rest.length() > 1) {
                int cut = rest.length() - 1;
                while (cut > 1 && width(rest.substring(0, cut), f, size) > max) {
                    cut--;
                }
                lines.add(rest.substring(0, cut));
                rest = rest.substring(cut);
            }
            line.append(rest);
        }
        lines.add(line.toString());
        return lines;
    }

    /** Draws one line of text with its baseline at {@code baseline} points from the top. */
    public void show(String s, PDFont f, float size, float x, float baseline, Color color) {
        show(cs, page, s, f, size, x, baseline, color);
    }

    private void show(PDPageContentStream stream, PDPage on, String s, PDFont f, float size, float x, float baseline,
                      Color color) {
        if (s.isEmpty()) {
            return;
        }
        try {
            stream.beginText();
            stream.setFont(f, size);
            stream.setNonStrokingColor(color);
            stream.newLineAtOffset(x, on.getMediaBox().getHeight() - baseline);
            stream.showText(safe(s, f));
            stream.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code s} with the characters the font cannot encode replaced by "?". */
    private String safe(String s, PDFont f) {
        String key = (f == fonts.bold() ? "b" : "r") + s;
        if (encoded.containsKey(key)) {
            return s;
        }
        try {
            f.encode(s);
            if (encoded.size() < 50_000) {
                encoded.put(key, null);
            }
            return s;
        } catch (IOException | IllegalArgumentException e) {
            StringBuilder b = new StringBuilder();
            s.codePoints().forEach(cp -> {
                String c = new String(Character.toChars(cp));
                try {
                    f.encode(c);
                    b.append(c);
                } catch (IOException | IllegalArgumentException x) {
                    b.append('?');
                }
            });
            return b.toString();
        }
    }

    private void rule(float x0, float top, float x1, Color c, float width) {
        try {
            cs.setStrokingColor(c);
            cs.setLineWidth(width);
            cs.moveTo(x0, pdfY(top));
            cs.lineTo(x1, pdfY(top));
            cs.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private float pdfY(float fromTop) {
        return page.getMediaBox().getHeight() - fromTop;
    }

    private void closeStream() {
        if (cs != null) {
            try {
                cs.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            cs = null;
        }
    }

    // ---------------------------------------------------------------- finishing

    /** Finishes the report (cover, contents, page furniture) and writes it. Closes this document. */
    public void save(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            save(out);
        }
    }

    /** Finishes the report (cover, contents, page furniture) and writes it. Closes this document. */
    public void save(OutputStream out) throws IOException {
        try {
            finish();
            doc.save(out);
        } finally {
            close();
        }
    }

    private void finish() throws IOException {
        if (content.isEmpty()) {
            newPage(Orientation.PORTRAIT);
        }
        closeStream();
        PDRectangle portrait = paper.box(Orientation.PORTRAIT);
        float tocSize = 10;
        float tocLead = tocSize * 1.55f;
        int perPage = (int) Math.floor((portrait.getHeight() - TOP - BOTTOM - 50) / tocLead);
        int tocPages = Math.max(1, (headings.size() + perPage - 1) / perPage);
        int offset = 1 + tocPages;
        PDPage first = content.get(0);
        PDPage coverPage = new PDPage(portrait);
        doc.getPages().insertBefore(coverPage, first);
        List<PDPage> toc = new ArrayList<>();
        for (int i = 0; i < tocPages; i++) {
            PDPage p = new PDPage(portrait);
            doc.getPages().insertBefore(p, first);
            toc.add(p);
        }
        drawCover(coverPage);
        drawContents(toc, perPage, tocSize, tocLead, offset);
        outline(toc.get(0));
        int total = doc.getNumberOfPages();
        PDExtendedGraphicsState faint = new PDExtendedGraphicsState();
        faint.setNonStrokingAlphaConstant(0.13f);
        for (int i = 0; i < total; i++) {
            PDPage p = doc.getPage(i);
            try (PDPageContentStream s = new PDPageContentStream(doc, p, PDPageContentStream.AppendMode.APPEND, true,
                    true)) {
                furniture(s, p, i + 1, total, i > 0, faint);
            }
        }
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(cover.title() + (cover.district().isEmpty() ? "" : " — " + cover.district()));
        info.setCreator("SantéAtlas");
        info.setProducer("SantéAtlas (Apache PDFBox)");
    }

    private void drawCover(PDPage p) throws IOException {
        float w = p.getMediaBox().getWidth();
        try (PDPageContentStream s = new PDPageContentStream(doc, p)) {
            s.setNonStrokingColor(ACCENT);
            s.addRect(0, p.getMediaBox().getHeight() - 150, w, 150);
            s.fill();
            float yy = 95;
            show(s, p, "SantéAtlas", fonts.bold(), 14, MARGIN_X, yy, Color.WHITE);
            float top = 220;
            for (String line : wrap(cover.title(), fonts.bold(), 26, w - 2 * MARGIN_X)) {
                show(s, p, line, fonts.bold(), 26, MARGIN_X, top, INK);
                top += 34;
            }
            top += 10;
            if (!cover.district().isEmpty()) {
                show(s, p, cover.district(), fonts.bold(), 18, MARGIN_X, top, ACCENT);
                top += 30;
            }
            top += 10;
            String[][] rows = {
                {text.get("cover.period"), cover.period()},
                {text.get("cover.generated"), cover.generated()},
                {text.get("cover.workspace"), cover.workspace()},
            };
            for (String[] r : rows) {
                if (r[1].isEmpty()) {
                    continue;
                }
                show(s, p, r[0], fonts.bold(), 10.5f, MARGIN_X, top, MUTED);
                List<String> lines = wrap(r[1], fonts.regular(), 10.5f, w - 2 * MARGIN_X - 140);
                for (String l : lines) {
                    show(s, p, l, fonts.regular(), 10.5f, MARGIN_X + 140, top, INK);
                    top += 15;
                }
                top += 4;
            }
            top += 16;
            if (!cover.provenance().isEmpty()) {
                show(s, p, text.get("cover.provenance"), fonts.bold(), 10.5f, MARGIN_X, top, MUTED);
                top += 16;
                int shown = 0;
                for (String line : cover.provenance()) {
                    if (top > p.getMediaBox().getHeight() - BOTTOM - 60) {
                        show(s, p, text.get("cover.moreBatches", cover.provenance().size() - shown), fonts.regular(),
                                8.5f, MARGIN_X + 10, top, MUTED);
                        break;
                    }
                    for (String l : wrap(line, fonts.regular(), 8.5f, w - 2 * MARGIN_X - 10)) {
                        show(s, p, l, fonts.regular(), 8.5f, MARGIN_X + 10, top, INK);
                        top += 11.5f;
                    }
                    shown++;
                }
            }
            if (cover.fictional()) {
                float by = p.getMediaBox().getHeight() - BOTTOM - 40;
                String m = text.get("mark.fictional");
                float mw = width(m, fonts.bold(), 14);
                s.setStrokingColor(MARK);
                s.setLineWidth(2);
                s.addRect(MARGIN_X, p.getMediaBox().getHeight() - (by + 16), mw + 24, 28);
                s.stroke();
                show(s, p, m, fonts.bold(), 14, MARGIN_X + 12, by + 6, MARK);
                show(s, p, text.get("mark.fictionalNote"), fonts.regular(), 8.5f, MARGIN_X, by + 36, MUTED);
            }
        }
    }

    private void drawContents(List<PDPage> toc, int perPage, float size, float lead, int offset) throws IOException {
        int h = 0;
        for (int k = 0; k < toc.size(); k++) {
            PDPage p = toc.get(k);
            float w = p.getMediaBox().getWidth();
            try (PDPageContentStream s = new PDPageContentStream(doc, p)) {
                float yy = TOP + 20;
                if (k == 0) {
                    show(s, p, text.get("toc.title"), fonts.bold(), 16, MARGIN_X, yy, ACCENT);
                }
                yy += 30;
                for (int n = 0; n < perPage && h < headings.size(); n++, h++) {
                    Heading hd = headings.get(h);
                    PDFont f = hd.level() == 1 ? fonts.bold() : fonts.regular();
                    float indent = hd.level() == 1 ? 0 : 16;
                    String num = Integer.toString(hd.contentPage() + 1 + offset);
                    float numW = width(num, f, size);
                    float avail = w - 2 * MARGIN_X - indent - numW - 20;
                    String label = wrap(hd.text(), f, size, avail).get(0);
                    show(s, p, label, f, size, MARGIN_X + indent, yy, INK);
                    float lw = width(label, f, size);
                    // dotted leader
                    s.setStrokingColor(RULE);
                    s.setLineWidth(0.6f);
                    s.setLineDashPattern(new float[] {1, 2.5f}, 0);
                    s.moveTo(MARGIN_X + indent + lw + 4, p.getMediaBox().getHeight() - yy);
                    s.lineTo(w - MARGIN_X - numW - 4, p.getMediaBox().getHeight() - yy);
                    s.stroke();
                    s.setLineDashPattern(new float[] {}, 0);
                    show(s, p, num, f, size, w - MARGIN_X - numW, yy, INK);
                    yy += lead;
                }
            }
        }
    }

    private void outline(PDPage contents) {
        PDDocumentOutline outline = new PDDocumentOutline();
        doc.getDocumentCatalog().setDocumentOutline(outline);
        PDOutlineItem toc = item(text.get("toc.title"), contents);
        outline.addLast(toc);
        PDOutlineItem section = null;
        for (Heading h : headings) {
            PDOutlineItem it = item(h.text(), content.get(h.contentPage()));
            if (h.level() == 1 || section == null) {
                outline.addLast(it);
                section = it;
            } else {
                section.addLast(it);
            }
        }
    }

    private static PDOutlineItem item(String title, PDPage target) {
        PDOutlineItem it = new PDOutlineItem();
        it.setTitle(title);
        PDPageFitWidthDestination d = new PDPageFitWidthDestination();
        d.setPage(target);
        it.setDestination(d);
        return it;
    }

    private void furniture(PDPageContentStream s, PDPage p, int number, int total, boolean header,
                           PDExtendedGraphicsState faint) throws IOException {
        float w = p.getMediaBox().getWidth();
        float h = p.getMediaBox().getHeight();
        if (header) {
            String left = cover.title();
            String right = cover.district();
            float rw = width(right, fonts.regular(), 8);
            String l = wrap(left, fonts.regular(), 8, w - 2 * MARGIN_X - rw - 20).get(0);
            show(s, p, l, fonts.regular(), 8, MARGIN_X, 34, MUTED);
            show(s, p, right, fonts.bold(), 8, w - MARGIN_X - width(right, fonts.bold(), 8), 34, MUTED);
            s.setStrokingColor(RULE);
            s.setLineWidth(0.5f);
            s.moveTo(MARGIN_X, h - 40);
            s.lineTo(w - MARGIN_X, h - 40);
            s.stroke();
        }
        s.setStrokingColor(RULE);
        s.setLineWidth(0.5f);
        s.moveTo(MARGIN_X, BOTTOM - 22);
        s.lineTo(w - MARGIN_X, BOTTOM - 22);
        s.stroke();
        String foot = text.get("footer.page", number, total);
        show(s, p, foot, fonts.regular(), 8, w - MARGIN_X - width(foot, fonts.regular(), 8), h - BOTTOM + 34, MUTED);
        String gen = cover.generated().isEmpty() ? "SantéAtlas" : "SantéAtlas · " + cover.generated();
        show(s, p, gen, fonts.regular(), 8, MARGIN_X, h - BOTTOM + 34, MUTED);
        if (cover.fictional()) {
            String m = text.get("mark.fictional");
            // as large as fits along 80 % of the diagonal
            float size = (float) Math.min(60, 0.8 * Math.hypot(w, h) / Math.max(1, width(m, fonts.bold(), 1)));
            float mw = width(m, fonts.bold(), size);
            double angle = Math.atan2(h, w);
            s.saveGraphicsState();
            s.setGraphicsStateParameters(faint);
            s.beginText();
            s.setFont(fonts.bold(), size);
            s.setNonStrokingColor(MARK);
            Matrix m0 = Matrix.getTranslateInstance(w / 2, h / 2);
            m0.rotate(angle);
            m0.translate(-mw / 2, -size / 3);
            s.setTextMatrix(m0);
            s.showText(safe(m, fonts.bold()));
            s.endText();
            s.restoreGraphicsState();
        }
    }

    @Override
    public void close() {
        closeStream();
        try {
            doc.close();
            textDrawer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
