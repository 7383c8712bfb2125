package dev.asynclab.app.tuning;

import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

/// A text cell that widens its column to fit its text and the column's header, so a figure is never cut to
/// "584…". Measured at layout, with the font and padding the theme gave the cell; a column only ever widens
/// (to the widest cell shown), so the widths settle within a pulse or two.
final class FittingCell<R> extends TableCell<R, String> {

    /// The narrowest a column starts: room for a short figure before any cell is measured.
    static final double NARROWEST = 48;
    /// A header label's own padding and sort-arrow room, beyond a cell's.
    private static final double HEADER_EXTRA = 8;
    /// A cell's padding, before the theme's is known (an empty table has no cells to ask).
    private static final double CELL_PADDING = 16;
    /// The theme's text size (AtlantaFX sets 14 px), before a cell can say.
    private static final double THEME_FONT_SIZE = 14;

    /// The width a column needs for its header `title` alone: what it starts at, so an empty table's headers are
    /// whole too.
    static double headerWidth(String title) {
        Font font = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD,
                Math.max(THEME_FONT_SIZE, Font.getDefault().getSize()));
        return Math.max(NARROWEST, Math.ceil(textWidth(title, font) + CELL_PADDING + HEADER_EXTRA));
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty || item == null ? null : item);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        TableColumn<R, String> column = getTableColumn();
        if (column == null || getText() == null) {
            return;
        }
        double insets = snappedLeftInset() + snappedRightInset();
        // The header may be set in bold: measured so, it is never the one cut.
        Font bold = Font.font(getFont().getFamily(), FontWeight.BOLD, getFont().getSize());
        double need = Math.ceil(Math.max(textWidth(getText(), getFont()) + insets,
                textWidth(column.getText(), bold) + insets + HEADER_EXTRA)) + 2;
        if (need > column.getPrefWidth()) {
            column.setPrefWidth(need);
        }
    }

    private static double textWidth(String text, Font font) {
        Text probe = new Text(text);
        probe.setFont(font);
        return probe.getLayoutBounds().getWidth();
    }
}
