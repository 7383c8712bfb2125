package dev.asynclab.app.ui.charts;

import javafx.scene.canvas.Canvas;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.fx.FXGraphics2D;

import java.awt.Graphics2D;

/// Sizes a chart's text to the cell it is shown in. JFreeChart's defaults (an 18 pt bold title, 12 pt axis
/// labels) suit a 600-pixel chart; a quarter of a 1024×700 window is 250 pixels wide and 200 high, where that
/// title is cut and the axes crowd out the plot. Here the title takes the largest size from 16 pt down to 10 pt
/// at which it fits on one line beside the cell's PNG button, measured as the chart's own canvas measures it;
/// the axis and legend text follow the cell's height.
///
/// ```java
/// ChartScale.fit(chart, cell.getWidth(), cell.getHeight());   // on a resize, on the FX thread
/// ```
public final class ChartScale {

    static final int LARGEST_TITLE = 16;
    static final int SMALLEST_TITLE = 10;
    /// Room kept free on the title's right for the cell's PNG button (the title is centred in what is left).
    static final double BUTTON_ROOM = 46;

    private static Graphics2D measure;

    private ChartScale() {
    }

    /// Fits `chart`'s text to a `width`×`height` cell; changes (and so redraws) the chart only where a size
    /// differs.
    public static void fit(JFreeChart chart, double width, double height) {
        if (width <= 0 || height <= 0) {
            return;
        }
        TextTitle title = chart.getTitle();
        if (title != null) {
            RectangleInsets padding = new RectangleInsets(2, 4, 2, 4 + BUTTON_ROOM);
            if (!padding.equals(title.getPadding())) {
                title.setPadding(padding);
            }
            int size = Math.clamp((int) (width / 18), SMALLEST_TITLE, LARGEST_TITLE);
            while (size > SMALLEST_TITLE && titleWidth(title, size) > width) {
                size--;
            }
            setFont(title, size);
        }
        int label = Math.clamp((int) (height / 17), 10, 12);
        int tick = Math.clamp((int) (height / 20), 9, 11);
        if (chart.getPlot() instanceof XYPlot plot) {
            for (var axis : java.util.List.of(plot.getDomainAxis(), plot.getRangeAxis())) {
                if (axis.getLabelFont().getSize() != label) {
                    axis.setLabelFont(axis.getLabelFont().deriveFont((float) label));
                }
                if (axis.getTickLabelFont().getSize() != tick) {
                    axis.setTickLabelFont(axis.getTickLabelFont().deriveFont((float) tick));
                }
            }
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null && legend.getItemFont().getSize() != tick) {
            legend.setItemFont(legend.getItemFont().deriveFont((float) tick));
        }
    }

    /// The width `title` takes on one line at `size` points, padding included (measured on a copy: changing the
    /// chart's own title would redraw the chart).
    static double titleWidth(TextTitle title, int size) {
        TextTitle probe = new TextTitle(title.getText(), title.getFont().deriveFont((float) size));
        probe.setPadding(title.getPadding());
        return probe.arrange(graphics(), RectangleConstraint.NONE).getWidth();
    }

    private static void setFont(TextTitle title, int size) {
        if (title.getFont().getSize() != size) {
            title.setFont(title.getFont().deriveFont((float) size));
        }
    }

    /// Measures text as `ChartViewer`'s canvas draws it (FX fonts through FXGraphics2D), not as AWT would.
    private static Graphics2D graphics() {
        if (measure == null) {
            measure = new FXGraphics2D(new Canvas(1, 1).getGraphicsContext2D());
        }
        return measure;
    }
}
