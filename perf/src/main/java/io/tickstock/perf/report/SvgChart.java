package io.tickstock.perf.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart as a standalone SVG file: a few series over one x axis (seconds of the run), a linear or logarithmic
 * y axis, a legend, and optional vertical markers (a ramp's steps). Written by hand, so the report needs nothing
 * but the JDK to regenerate.
 */
final class SvgChart {

    /** One line; a y that is NaN (or not positive on a log axis) breaks it. */
    record Series(String name, String color, double[] x, double[] y) {
    }

    /** A vertical dashed line with a label at the top. */
    record Marker(double x, String label) {
    }

    private static final int WIDTH = 760;
    private static final int HEIGHT = 280;
    private static final int LEFT = 64;
    private static final int RIGHT = 150;
    private static final int TOP = 34;
    private static final int BOTTOM = 42;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logY;
    private final List<Series> series = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    private Double limit;
    private String limitLabel;

    SvgChart(String title, String xLabel, String yLabel, boolean logY) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logY = logY;
    }

    SvgChart add(Series line) {
        series.add(line);
        return this;
    }

    SvgChart marker(Marker marker) {
        markers.add(marker);
        return this;
    }

    /** A horizontal dashed line (a target). */
    SvgChart limit(double y, String label) {
        this.limit = y;
        this.limitLabel = label;
        return this;
    }

    boolean isEmpty() {
        return series.stream().allMatch(s -> s.x().length == 0);
    }

    String render() {
        double xMin = Double.MAX_VALUE;
        double xMax = -Double.MAX_VALUE;
        double yMin = Double.MAX_VALUE;
        double yMax = -Double.MAX_VALUE;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                if (usable(s.y()[i])) {
                    xMin = Math.min(xMin, s.x()[i]);
                    xMax = Math.max(xMax, s.x()[i]);
                    yMin = Math.min(yMin, s.y()[i]);
                    yMax = Math.max(yMax, s.y()[i]);
                }
            }
        }
        if (limit != null) {
            yMin = Math.min(yMin, limit);
            yMax = Math.max(yMax, limit);
        }
        if (xMin == Double.MAX_VALUE) {
            xMin = 0;
            xMax = 1;
            yMin = 1;
            yMax = 10;
        }
        Axis x = Axis.linear(xMin, Math.max(xMax, xMin + 1));
        Axis y = logY ? Axis.log(yMin, yMax) : Axis.linear(Math.min(0, yMin), Math.max(yMax, yMin + 1));
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"11\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        svg.append(text(LEFT, 18, title, "start", "font-size=\"13\" font-weight=\"bold\""));
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        for (double tick : y.ticks()) {
            double py = TOP + plotH - y.fraction(tick) * plotH;
            svg.append(line(LEFT, py, LEFT + plotW, py, "#e4e4e4", ""));
            svg.append(text(LEFT - 6, py + 4, number(tick), "end", ""));
        }
        for (double tick : x.ticks()) {
            double px = LEFT + x.fraction(tick) * plotW;
            svg.append(line(px, TOP + plotH, px, TOP + plotH + 4, "#888", ""));
            svg.append(text(px, TOP + plotH + 16, number(tick), "middle", ""));
        }
        svg.append(line(LEFT, TOP + plotH, LEFT + plotW, TOP + plotH, "#888", ""));
        svg.append(line(LEFT, TOP, LEFT, TOP + plotH, "#888", ""));
        svg.append(text(LEFT + plotW / 2, HEIGHT - 8, xLabel, "middle", ""));
        svg.append(String.format(Locale.ROOT, "<text x=\"14\" y=\"%.1f\" text-anchor=\"middle\" "
                + "transform=\"rotate(-90 14 %.1f)\">%s</text>%n", TOP + plotH / 2, TOP + plotH / 2, escape(yLabel)));
        for (Marker marker : markers) {
            double px = LEFT + x.fraction(marker.x()) * plotW;
            svg.append(line(px, TOP, px, TOP + plotH, "#bbbbbb", "stroke-dasharray=\"3,3\""));
            svg.append(text(px + 2, TOP - 4, marker.label(), "start", "fill=\"#777\" font-size=\"9\""));
        }
        if (limit != null) {
            double py = TOP + plotH - y.fraction(limit) * plotH;
            svg.append(line(LEFT, py, LEFT + plotW, py, "#d62728", "stroke-dasharray=\"6,4\""));
            svg.append(text(LEFT + plotW + 6, py + 4, limitLabel, "start", "fill=\"#d62728\""));
        }
        int legend = 0;
        for (Series s : series) {
            svg.append(path(s, x, y, plotW, plotH));
            double ly = TOP + 14 + legend++ * 16;
            svg.append(line(LEFT + plotW + 8, ly - 4, LEFT + plotW + 26, ly - 4, s.color(), "stroke-width=\"2\""));
            svg.append(text(LEFT + plotW + 30, ly, s.name(), "start", ""));
        }
        return svg.append("</svg>\n").toString();
    }

    private String path(Series s, Axis x, Axis y, double plotW, double plotH) {
        StringBuilder d = new StringBuilder();
        boolean pen = false;
        for (int i = 0; i < s.x().length; i++) {
            if (!usable(s.y()[i])) {
                pen = false;
                continue;
            }
            double px = LEFT + x.fraction(s.x()[i]) * plotW;
            double py = TOP + plotH - y.fraction(s.y()[i]) * plotH;
            d.append(pen ? " L" : " M").append(String.format(Locale.ROOT, "%.1f %.1f", px, py));
            pen = true;
        }
        return String.format("<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"1.6\"/>%n", d.toString().trim(),
                s.color());
    }

    private boolean usable(double value) {
        return !Double.isNaN(value) && !Double.isInfinite(value) && (!logY || value > 0);
    }

    private static String line(double x1, double y1, double x2, double y2, String color, String extra) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" %s/>%n",
                x1, y1, x2, y2, color, extra);
    }

    private static String text(double x, double y, String content, String anchor, String extra) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" %s>%s</text>%n", x, y,
                anchor, extra, escape(content));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String number(double value) {
        if (value >= 1_000_000) {
            return trim(value / 1_000_000) + "M";
        }
        if (value >= 10_000) {
            return trim(value / 1_000) + "k";
        }
        return trim(value);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value)
                : String.format(Locale.ROOT, value < 1 ? "%.2f" : "%.1f", value);
    }

    /** Where a value falls between an axis' ends (0..1), and the values worth a grid line. */
    record Axis(double min, double max, boolean log) {

        static Axis linear(double min, double max) {
            double step = niceStep((max - min) / 5);
            return new Axis(Math.floor(min / step) * step, Math.ceil(max / step) * step, false);
        }

        static Axis log(double min, double max) {
            double low = Math.pow(10, Math.floor(Math.log10(Math.max(min, 1e-3))));
            double high = Math.pow(10, Math.ceil(Math.log10(Math.max(max, low * 10))));
            return new Axis(low, high, true);
        }

        double fraction(double value) {
            if (log) {
                return (Math.log10(value) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
            }
            return (value - min) / (max - min);
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            if (log) {
                for (double t = min; t <= max * 1.0001; t *= 10) {
                    ticks.add(t);
                }
            } else {
                double step = niceStep((max - min) / 5);
                for (double t = min; t <= max + step / 1000; t += step) {
                    ticks.add(Math.round(t / step) * step);
                }
            }
            return ticks;
        }

        private static double niceStep(double raw) {
            if (raw <= 0) {
                return 1;
            }
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double fraction = raw / magnitude;
            double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
            return nice * magnitude;
        }
    }
}
