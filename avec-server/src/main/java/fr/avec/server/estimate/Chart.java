package fr.avec.server.estimate;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * A small chart (bars or a line over labelled points, with an optional objective line) drawn once for two
 * outputs: inline SVG for the pages, readable without JavaScript, and Java2D for the PDF report.
 *
 * @param title  what is shown, with its unit
 * @param labels one per point (shown thinned out when many)
 * @param values one per point; NaN for a point without data
 * @param target the objective's value on the same scale, or NaN
 * @param share  whether values are shares (axis in %)
 */
public record Chart(Kind kind, String title, List<String> labels, List<Double> values, double target, boolean share) {

    /** Bars (volumes, histograms) or a line (rates over time). */
    public enum Kind { BAR, LINE }

    public static final int WIDTH = 640;
    public static final int HEIGHT = 240;
    private static final int LEFT = 56;
    private static final int RIGHT = 12;
    private static final int TOP = 28;
    private static final int BOTTOM = 40;

    public Chart {
        labels = List.copyOf(labels);
        values = List.copyOf(values);
        if (labels.size() != values.size()) {
            throw new IllegalArgumentException("one label per value");
        }
    }

    /** What a chart is drawn with: SVG elements or Java2D calls. */
    private interface Pen {
        void rect(double x, double y, double w, double h, String color);

        void line(double x1, double y1, double x2, double y2, String color, double width, boolean dashed);

        void text(double x, double y, String text, int size, String anchor, boolean bold);
    }

    /** The chart as an inline SVG element with a text alternative. */
    public String svg() {
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\"><title>")
                .append(escape(title + " — " + summary())).append("</title>");
        paint(new Pen() {
            @Override
            public void rect(double x, double y, double w, double h, String color) {
                svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>", x, y, w, h, color));
            }

            @Override
            public void line(double x1, double y1, double x2, double y2, String color, double width, boolean dashed) {
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"%s/>",
                        x1, y1, x2, y2, color, width, dashed ? " stroke-dasharray=\"6 4\"" : ""));
            }

            @Override
            public void text(double x, double y, String text, int size, String anchor, boolean bold) {
                svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" text-anchor=\"%s\" font-family=\"sans-serif\"%s>",
                        x, y, size, anchor, bold ? " font-weight=\"bold\"" : "")).append(escape(text)).append("</text>");
            }
        });
        return svg.append("</svg>").toString();
    }

    /** Draws the chart at the origin of {@code g}, {@link #WIDTH} × {@link #HEIGHT} units. */
    public void draw(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        paint(new Pen() {
            @Override
            public void rect(double x, double y, double w, double h, String color) {
                g.setColor(Color.decode(color));
                g.fill(new Rectangle2D.Double(x, y, w, h));
            }

            @Override
            public void line(double x1, double y1, double x2, double y2, String color, double width, boolean dashed) {
                g.setColor(Color.decode(color));
                g.setStroke(dashed ? new BasicStroke((float) width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {6, 4}, 0)
                        : new BasicStroke((float) width));
                g.draw(new Line2D.Double(x1, y1, x2, y2));
            }

            @Override
            public void text(double x, double y, String text, int size, String anchor, boolean bold) {
                g.setColor(Color.decode(INK));
                g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size));
                int width = g.getFontMetrics().stringWidth(text);
                double shift = switch (anchor) {
                    case "middle" -> width / 2.0;
                    case "end" -> width;
                    default -> 0;
                };
                g.drawString(text, (float) (x - shift), (float) y);
            }
        });
    }

    private static final String INK = "#1a1a1a";
    private static final String GRID = "#c8c8c8";
    private static final String BAR = "#00558c";
    private static final String TARGET = "#a4000f";

    private void paint(Pen pen) {
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        pen.text(LEFT, 16, title, 13, "start", true);
        double max = values.stream().filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).max().orElse(0);
        if (!Double.isNaN(target)) {
            max = Math.max(max, target);
        }
        max = share ? Math.max(0.05, Math.min(1, niceCeiling(max))) : (max > 0 ? niceCeiling(max) : 1);
        for (int i = 0; i <= 4; i++) {
            double value = max * i / 4;
            double y = TOP + plotH - plotH * i / 4;
            pen.line(LEFT, y, LEFT + plotW, y, GRID, 1, false);
            pen.text(LEFT - 6, y + 4, format(value), 10, "end", false);
        }
        int n = values.size();
        if (n == 0) {
            pen.text(LEFT + plotW / 2, TOP + plotH / 2, "—", 14, "middle", false);
            return;
        }
        double step = plotW / n;
        int labelEvery = Math.max(1, (int) Math.ceil(n / 12.0));
        double previousX = Double.NaN;
        double previousY = Double.NaN;
        for (int i = 0; i < n; i++) {
            double v = values.get(i);
            double x = LEFT + step * i;
            if (!Double.isNaN(v)) {
                double h = plotH * Math.min(v, max) / max;
                if (kind == Kind.BAR) {
                    pen.rect(x + step * 0.12, TOP + plotH - h, Math.max(1, step * 0.76), h, BAR);
                } else {
                    double cx = x + step / 2;
                    double cy = TOP + plotH - h;
                    if (!Double.isNaN(previousX)) {
                        pen.line(previousX, previousY, cx, cy, BAR, 2, false);
                    }
                    pen.rect(cx - 2.5, cy - 2.5, 5, 5, BAR);
                    previousX = cx;
                    previousY = cy;
                }
            }
            if (i % labelEvery == 0) {
                pen.text(x + step / 2, HEIGHT - BOTTOM + 16, labels.get(i), 10, "middle", false);
            }
        }
        pen.line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, INK, 1, false);
        if (!Double.isNaN(target)) {
            double y = TOP + plotH - plotH * Math.min(target, max) / max;
            pen.line(LEFT, y, LEFT + plotW, y, TARGET, 2, true);
            pen.text(LEFT + plotW, y - 4, "objectif " + format(target), 10, "end", false);
        }
    }

    /** The text alternative: the range of the values. */
    String summary() {
        OptionalDouble min = values.stream().filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).min();
        OptionalDouble max = values.stream().filter(v -> !v.isNaN()).mapToDouble(Double::doubleValue).max();
        if (min.isEmpty()) {
            return "aucune donnée";
        }
        return values.size() + " points, de " + format(min.getAsDouble()) + " à " + format(max.getAsDouble());
    }

    private String format(double value) {
        if (share) {
            return String.format(Locale.FRANCE, "%.0f %%", value * 100);
        }
        return value >= 100 || value == Math.rint(value) ? String.format(Locale.FRANCE, "%.0f", value) : String.format(Locale.FRANCE, "%.2f", value);
    }

    private static double niceCeiling(double value) {
        if (value <= 0) {
            return 0;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * magnitude >= value) {
                return step * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
