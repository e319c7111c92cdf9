package vn.kyso.server.usage;

import static vn.kyso.server.pdf.ReportDocument.MARGIN;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDPageContentStream;

import vn.kyso.server.pdf.ReportDocument;

/**
 * A table in the PDF report: fixed columns, each cell's text wrapped inside its column (a long
 * unit or holder name takes more lines, never the next column's place), numbers right-aligned,
 * and the column headers again at the top of every page the table continues on.
 */
final class PdfTable {

    /** A column: its title, its width in points, and whether its cells are numbers (right-aligned). */
    record Column(String title, float width, boolean number) {
    }

    private static final float PAD = 3;
    private static final Color RULE = new Color(0xbb, 0xbb, 0xbb);
    private static final Color HEADER = new Color(0xe8, 0xee, 0xf6);

    private final ReportDocument doc;
    private final List<Column> columns;
    private final float size;

    PdfTable(ReportDocument doc, float size, List<Column> columns) {
        this.doc = doc;
        this.size = size;
        this.columns = List.copyOf(columns);
    }

    /** Starts the table: its header, on a new page when not even the header and one row fit. */
    PdfTable begin() throws IOException {
        doc.room(4 * (size + 4) + 2 * PAD);
        header();
        return this;
    }

    /** One row; the header is repeated first when the row starts a new page. */
    void row(List<String> cells) throws IOException {
        List<List<String>> lines = wrap(cells);
        float height = height(lines);
        float before = doc.y();
        doc.room(height);
        if (doc.y() > before) { // a new page: the reader needs the columns' names again
            header();
        }
        draw(lines, false);
    }

    private void header() throws IOException {
        List<String> titles = new ArrayList<>();
        columns.forEach(c -> titles.add(c.title()));
        List<List<String>> lines = wrap(titles);
        doc.box(HEADER, MARGIN, doc.y() - height(lines), total(), height(lines));
        draw(lines, true);
    }

    private void draw(List<List<String>> lines, boolean header) throws IOException {
        float top = doc.y();
        float height = height(lines);
        float x = MARGIN;
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            List<String> cell = lines.get(c);
            for (int l = 0; l < cell.size(); l++) {
                String text = cell.get(l);
                float left = column.number() && !header ? x + column.width() - PAD - doc.width(text, size) : x + PAD;
                doc.label(text, left, top - PAD - (l + 1) * (size + 2) + 2, size);
            }
            x += column.width();
        }
        PDPageContentStream page = doc.page();
        page.setStrokingColor(RULE);
        page.setLineWidth(0.3f);
        page.moveTo(MARGIN, top - height);
        page.lineTo(MARGIN + total(), top - height);
        page.stroke();
        page.setStrokingColor(Color.BLACK);
        doc.y(top - height);
    }

    private List<List<String>> wrap(List<String> cells) throws IOException {
        List<List<String>> lines = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            String text = c < cells.size() && cells.get(c) != null ? cells.get(c) : "";
            lines.add(doc.lines(text, columns.get(c).width() - 2 * PAD, size));
        }
        return lines;
    }

    private float height(List<List<String>> lines) {
        int most = lines.stream().mapToInt(List::size).max().orElse(1);
        return most * (size + 2) + 2 * PAD;
    }

    private float total() {
        float sum = 0;
        for (Column c : columns) {
            sum += c.width();
        }
        return sum;
    }
}
