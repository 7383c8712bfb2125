package dev.asynclab.app.tuning;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/// Writes a chart as a PNG image, drawn by JFreeChart's Java2D renderer (no screen needed).
///
/// ```java
/// ChartPng.write(chart, Path.of("latency.png"), 1200, 800);
/// ```
public final class ChartPng {

    private ChartPng() {
    }

    public static void write(JFreeChart chart, Path file, int width, int height) throws IOException {
        if (file.toAbsolutePath().getParent() != null) {
            Files.createDirectories(file.toAbsolutePath().getParent());
        }
        ChartUtils.saveChartAsPNG(file.toFile(), chart, width, height);
    }
}
