package fr.avec.server.estimate;

import java.awt.Color;
import java.awt.Graphics2D;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.OptionalDouble;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.context.MessageSource;

/** The evaluation report as a PDF (A4, standard fonts, charts drawn as vectors), in the reader's language. */
public final class ReportPdf {

    private final MessageSource messages;
    private final Locale locale;
    private final Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private final Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
    private final Font body = FontFactory.getFont(FontFactory.HELVETICA, 10);
    private final Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
    private final Font small = FontFactory.getFont(FontFactory.HELVETICA_OBLIQUE, 8, Color.DARK_GRAY);

    public ReportPdf(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    private String m(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** Renders the report. */
    public byte[] render(EvaluationReport.Report report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 42, 42, 42, 42);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle(m("report.title", report.useCase(), report.month().toString()));
        document.addCreator("Avec");
        document.open();
        Indicators.Snapshot s = report.snapshot();
        Indicators.Totals t = s.totals();
        document.add(new Paragraph(m("report.title", report.useCase(), report.month().toString()), title));
        document.add(new Paragraph(m("report.intro"), small));

        section(document, m("report.section.objectives"));
        if (report.objectives().isEmpty()) {
            document.add(new Paragraph(m("report.noObjectives"), body));
        } else {
            PdfPTable table = table(new float[] {5, 2, 2, 2});
            header(table, m("report.col.objective"), m("report.col.value"), m("report.col.previous"), m("report.col.status"));
            for (EvaluationReport.ObjectiveLine line : report.objectives()) {
                boolean share = line.now().objective().indicator().share();
                // The standard PDF fonts have no ≤ and ≥.
                cells(table, line.now().objective().describeFr().replace("≤", "<=").replace("≥", ">="), value(line.now().value(), share), value(line.before().value(), share),
                        m("status." + line.now().status().name()));
            }
            document.add(table);
        }
        document.add(new Paragraph(m(report.signed() ? "report.signed" : "report.unsigned"), small));

        section(document, m("report.section.activity"));
        PdfPTable figures = table(new float[] {5, 2});
        cells(figures, m("ind.documents"), Long.toString(t.documents()));
        cells(figures, m("ind.withoutAi"), value(s.value(fr.avec.estimate.Indicator.WITHOUT_AI_SHARE), true));
        cells(figures, m("ind.medianEditRate"), value(t.medianEditRate(), true));
        cells(figures, m("ind.unedited"), value(t.ofAi(t.unedited()), true));
        cells(figures, m("ind.rejected"), value(t.ofAi(t.rejected()), true));
        cells(figures, m("ind.rubberStamps"), Long.toString(t.rubberStamps()));
        cells(figures, m("ind.findingsPerDocument"), value(s.value(fr.avec.estimate.Indicator.FINDINGS_PER_DOCUMENT), false));
        cells(figures, m("ind.unresolvedDrug"), Long.toString(t.unresolvedDrugDocuments()));
        cells(figures, m("ind.secondsToValidate"), value(t.meanSecondsToValidate(), false));
        cells(figures, m("ind.sus"), s.susMean().isPresent() ? value(s.susMean(), false) + " (" + report.susAdjective() + ", n=" + s.susResponses() + ")" : "—");
        document.add(figures);
        if (!s.signals().isEmpty()) {
            document.add(new Paragraph(m("report.automationBias", s.signals().size()), bold));
        }
        for (Chart chart : report.charts()) {
            chart(writer, document, chart);
        }

        section(document, m("report.section.alerts"));
        if (s.findings().isEmpty()) {
            document.add(new Paragraph(m("report.noFindings"), body));
        } else {
            PdfPTable kinds = table(new float[] {4, 2, 2, 2, 2, 2});
            header(kinds, m("col.kind"), m("col.raised"), m("col.fixed"), m("col.dismissed"), m("col.accepted"), m("col.precision"));
            for (Indicators.KindCount kind : s.findings()) {
                double p = kind.precision();
                cells(kinds, kind.kind(), Long.toString(kind.raised()), Long.toString(kind.fixed()), Long.toString(kind.dismissed()),
                        Long.toString(kind.accepted()), Double.isNaN(p) ? "—" : percent(p));
            }
            document.add(kinds);
        }

        section(document, m("report.section.drift"));
        if (report.driftRuns().isEmpty()) {
            document.add(new Paragraph(m("report.noDrift"), body));
        }
        for (DriftWatch.Run run : report.driftRuns()) {
            document.add(new Paragraph(m("report.driftRun", run.id(), run.model(), run.modelVersion() == null ? "—" : run.modelVersion(),
                    run.cases(), run.degraded() ? m("drift.degraded") : m("drift.stable"), run.reasons() == null ? "" : run.reasons()), body));
        }

        section(document, m("report.section.incidents"));
        document.add(new Paragraph(report.incidents().isPresent() ? m("report.incidents", report.incidents().getAsLong())
                : m("report.noIncidentRegister"), body));

        section(document, m("report.section.environment"));
        document.add(new Paragraph(m("report.environment", String.format(locale, "%.2f", report.energyWh()),
                String.format(locale, "%.2f", report.gwpG()), s.requests(), String.format(locale, "%.2f", report.energyWhLow()),
                String.format(locale, "%.2f", report.energyWhHigh())), body));
        document.add(new Paragraph(m("report.methodology", report.impactMethod(), report.uncertaintyFactor(), s.unestimated()), small));

        section(document, m("report.section.recommendations"));
        for (EvaluationReport.Recommendation recommendation : report.recommendations()) {
            document.add(new Paragraph("• " + m(recommendation.key(), recommendation.arguments()), body));
        }
        document.close();
        return out.toByteArray();
    }

    private void section(Document document, String text) {
        Paragraph paragraph = new Paragraph(text, heading);
        paragraph.setSpacingBefore(12);
        paragraph.setSpacingAfter(4);
        document.add(paragraph);
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        return table;
    }

    private void header(PdfPTable table, String... texts) {
        for (String text : texts) {
            PdfPCell cell = new PdfPCell(new Phrase(text, bold));
            cell.setBackgroundColor(new Color(0xE8, 0xF1, 0xF8));
            table.addCell(cell);
        }
    }

    private void cells(PdfPTable table, String... texts) {
        for (String text : texts) {
            table.addCell(new Phrase(text, body));
        }
    }

    private static void chart(PdfWriter writer, Document document, Chart chart) {
        PdfContentByte content = writer.getDirectContent();
        PdfTemplate template = content.createTemplate(Chart.WIDTH, Chart.HEIGHT);
        Graphics2D g = template.createGraphics(Chart.WIDTH, Chart.HEIGHT);
        try {
            chart.draw(g);
        } finally {
            g.dispose();
        }
        Image image = Image.getInstance(template);
        image.scaleToFit(PageSize.A4.getWidth() - 84, 220);
        image.setAlignment(Element.ALIGN_CENTER);
        document.add(image);
    }

    private String value(OptionalDouble value, boolean share) {
        if (value.isEmpty()) {
            return m("noData");
        }
        return share ? percent(value.getAsDouble()) : String.format(locale, "%.2f", value.getAsDouble());
    }

    private String percent(double share) {
        return String.format(locale, "%.1f %%", share * 100);
    }
}
