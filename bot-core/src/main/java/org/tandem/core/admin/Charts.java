package org.tandem.core.admin;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.labels.ItemLabelAnchor;
import org.jfree.chart.labels.ItemLabelPosition;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.RangeType;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * Draws a report's charts to PNG on the server (JFreeChart, headless: no browser, no service). A chart shows what
 * its caller counted, series by series; a cell the caller left out (a group too small to show) has no bar. Each
 * chart comes with its numbers as text next to it, for those who do not see it.
 */
final class Charts {

    /** A report's charts: wide enough to read on a laptop, small enough for a phone to scale down. */
    static final int WIDTH = 800;
    static final int HEIGHT = 450;
    /** The weekly digest's one small trend chart. */
    static final int TREND_WIDTH = 640;
    static final int TREND_HEIGHT = 280;

    private static final Color NOW = new Color(0x2F, 0x6F, 0xDE);
    private static final Color BEFORE = new Color(0xB4, 0xBC, 0xC8);
    private static final Color RISK = new Color(0xD9, 0x48, 0x2B);
    private static final Color GRID = new Color(0xE3, 0xE6, 0xEB);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 13);

    /** One series of a chart: its name in the legend and a value per category (null: not shown). */
    record Series(String name, List<Double> values) {}

    static {
        // no display on a server: draw in memory whatever the JVM was started with
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Charts() {
    }

    /** Horizontal bars, one group per category: the funnel, the objectives' outcomes. */
    static byte[] bars(String title, String note, String axis, List<String> categories, List<Series> series,
                       boolean percent, Locale locale) {
        DefaultCategoryDataset data = dataset(categories, series);
        BarRenderer bars = renderer(series.size());
        // each value at the end of its bar, where the eye arrives
        bars.setDefaultPositiveItemLabelPosition(new ItemLabelPosition(ItemLabelAnchor.OUTSIDE3,
                TextAnchor.CENTER_LEFT));
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                NumberFormat.getIntegerInstance(locale)));
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis(), new NumberAxis(axis), bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        NumberAxis range = (NumberAxis) plot.getRangeAxis();
        range.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        range.setUpperMargin(0.1);
        if (percent) {
            range.setNumberFormatOverride(NumberFormat.getPercentInstance(locale));
            range.setTickUnit(new NumberTickUnit(0.25, NumberFormat.getPercentInstance(locale)));
            // room at the right of a full bar for its label, without a tick past 100 %
            range.setRange(0, 1.12);
            bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}",
                    NumberFormat.getPercentInstance(locale)));
        }
        return png(chart(title, note, plot, series.size() > 1), WIDTH, HEIGHT);
    }

    /** Vertical bars over time (month by month): meetings per pair. */
    static byte[] columns(String title, String note, String axis, List<String> categories, List<Series> series,
                          Locale locale) {
        DefaultCategoryDataset data = dataset(categories, series);
        CategoryAxis domain = new CategoryAxis();
        if (categories.size() > 8) {
            domain.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        BarRenderer bars = renderer(series.size());
        NumberFormat decimal = NumberFormat.getNumberInstance(locale);
        decimal.setMaximumFractionDigits(1);
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", decimal));
        CategoryPlot plot = new CategoryPlot(data, domain, new NumberAxis(axis), bars);
        plot.getRangeAxis().setUpperMargin(0.1);
        return png(chart(title, note, plot, series.size() > 1), WIDTH, HEIGHT);
    }

    /** Bars of one series with a line of another on the same weeks: meetings, and pairs at risk. */
    static byte[] trend(String title, String note, List<String> weeks, Series bars, Series line) {
        CategoryPlot plot = new CategoryPlot(dataset(weeks, List.of(bars)), new CategoryAxis(),
                new NumberAxis(), renderer(1));
        ((NumberAxis) plot.getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        LineAndShapeRenderer risk = new LineAndShapeRenderer(true, true);
        risk.setSeriesPaint(0, RISK);
        risk.setSeriesStroke(0, new BasicStroke(2.5f));
        plot.setDataset(1, dataset(weeks, List.of(line)));
        plot.setRenderer(1, risk);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        return png(chart(title, note, plot, true), TREND_WIDTH, TREND_HEIGHT);
    }

    private static DefaultCategoryDataset dataset(List<String> categories, List<Series> series) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Series s : series) {
            for (int i = 0; i < categories.size(); i++) {
                data.addValue(i < s.values().size() ? s.values().get(i) : null, s.name(), categories.get(i));
            }
        }
        return data;
    }

    private static BarRenderer renderer(int series) {
        BarRenderer r = new BarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        r.setItemMargin(0.05);
        // this run in colour, the previous one in grey behind it
        r.setSeriesPaint(0, NOW);
        r.setSeriesPaint(1, BEFORE);
        r.setDefaultItemLabelsVisible(true);
        r.setDefaultItemLabelFont(LABEL);
        r.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator());
        return r;
    }

    /** A chart with its title, a note under it (e.g. why a bar is missing; null for none), and its legend. */
    private static JFreeChart chart(String title, String note, CategoryPlot plot, boolean legend) {
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            // counts and shares start at zero, and a chart of zeros still has an axis to read them on
            if (plot.getRangeAxis(i) instanceof NumberAxis axis) {
                axis.setRangeType(RangeType.POSITIVE);
                axis.setAutoRangeMinimumSize(1);
            }
        }
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.getDomainAxis().setTickLabelFont(LABEL);
        plot.getRangeAxis().setTickLabelFont(LABEL);
        plot.getRangeAxis().setLabelFont(LABEL);
        JFreeChart chart = new JFreeChart(null, TITLE, plot, false);
        chart.setTitle(new TextTitle(title, TITLE));
        if (note != null) {
            chart.addSubtitle(new TextTitle(note, LABEL));
        }
        chart.setBackgroundPaint(Color.WHITE);
        if (legend) {
            LegendTitle l = new LegendTitle(plot);
            l.setItemFont(LABEL);
            l.setPosition(RectangleEdge.BOTTOM);
            l.setFrame(BlockBorder.NONE);
            chart.addLegend(l);
        }
        return chart;
    }

    private static byte[] png(JFreeChart chart, int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart, width, height);
        } catch (IOException e) {
            throw new UncheckedIOException("a chart could not be drawn", e);
        }
        return out.toByteArray();
    }
}
