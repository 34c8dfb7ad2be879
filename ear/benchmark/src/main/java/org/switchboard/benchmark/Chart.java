package org.switchboard.benchmark;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** A line chart drawn headless with java.awt and written as PNG (no plotting library needed). */
final class Chart {

    record Series(String name, Color color, boolean dashed, List<double[]> points) {}

    private static final int WIDTH = 900;
    private static final int HEIGHT = 520;
    private static final int LEFT = 80;
    private static final int RIGHT = 200;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logY;
    private final List<Series> series = new ArrayList<>();

    Chart(String title, String xLabel, String yLabel, boolean logY) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logY = logY;
    }

    Chart add(Series s) {
        if (!s.points().isEmpty()) {
            series.add(s);
        }
        return this;
    }

    void write(Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        var image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        var all = series.stream().flatMap(s -> s.points().stream()).toList();
        var xMax = all.stream().mapToDouble(p -> p[0]).max().orElse(1) * 1.05;
        var yMin = logY
                ? Math.max(
                        0.1,
                        all.stream()
                                        .mapToDouble(p -> p[1])
                                        .filter(v -> v > 0)
                                        .min()
                                        .orElse(1)
                                / 2)
                : 0;
        var yMax = Math.max(yMin * 10, all.stream().mapToDouble(p -> p[1]).max().orElse(1) * 1.1);
        var plotW = WIDTH - LEFT - RIGHT;
        var plotH = HEIGHT - TOP - BOTTOM;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, LEFT, 28);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawRect(LEFT, TOP, plotW, plotH);
        g.drawString(xLabel, LEFT + plotW / 2 - 60, HEIGHT - 15);
        g.rotate(-Math.PI / 2);
        g.drawString(yLabel, -(TOP + plotH / 2 + 60), 20);
        g.rotate(Math.PI / 2);
        for (int i = 0; i <= 5; i++) {
            var x = xMax * i / 5;
            var px = LEFT + (int) (plotW * i / 5.0);
            g.setColor(new Color(230, 230, 230));
            g.drawLine(px, TOP, px, TOP + plotH);
            g.setColor(Color.BLACK);
            g.drawString(String.format("%.0f", x), px - 10, TOP + plotH + 18);
        }
        for (var tick : yTicks(yMin, yMax)) {
            var py = y(tick, yMin, yMax, plotH);
            g.setColor(new Color(230, 230, 230));
            g.drawLine(LEFT, py, LEFT + plotW, py);
            g.setColor(Color.BLACK);
            g.drawString(
                    tick >= 10 || tick == 0 ? String.format("%.0f", tick) : String.format("%.1f", tick), 30, py + 4);
        }
        var legend = TOP + 10;
        for (var s : series) {
            g.setColor(s.color());
            g.setStroke(
                    s.dashed()
                            ? new BasicStroke(
                                    2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f)
                            : new BasicStroke(2f));
            int[] last = null;
            for (var p : s.points()) {
                var px = LEFT + (int) (plotW * p[0] / xMax);
                var py = y(Math.max(p[1], yMin), yMin, yMax, plotH);
                if (last != null) {
                    g.drawLine(last[0], last[1], px, py);
                }
                if (s.points().size() < 40) {
                    g.fillOval(px - 3, py - 3, 6, 6);
                }
                last = new int[] {px, py};
            }
            g.drawLine(WIDTH - RIGHT + 15, legend, WIDTH - RIGHT + 40, legend);
            g.setColor(Color.BLACK);
            g.drawString(s.name(), WIDTH - RIGHT + 45, legend + 4);
            legend += 20;
        }
        g.dispose();
        ImageIO.write(image, "png", file.toFile());
    }

    private int y(double value, double yMin, double yMax, int plotH) {
        var fraction = logY
                ? (Math.log10(value) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin))
                : (value - yMin) / (yMax - yMin);
        return TOP + plotH - (int) (plotH * fraction);
    }

    private List<Double> yTicks(double yMin, double yMax) {
        var ticks = new ArrayList<Double>();
        if (logY) {
            for (var t = Math.pow(10, Math.floor(Math.log10(yMin))); t <= yMax; t *= 10) {
                if (t >= yMin) {
                    ticks.add(t);
                }
            }
        } else {
            for (int i = 0; i <= 5; i++) {
                ticks.add(yMin + (yMax - yMin) * i / 5);
            }
        }
        return ticks;
    }
}
