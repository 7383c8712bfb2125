package dev.asynclab.app.ui.teach;

import dev.asynclab.lab.story.RedFlag;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;

import java.util.function.Consumer;

/// One red flag in the list: its rank and sentence, wrapped whole, and a link to the invocations that show it
/// (`see #2, #3, #5 and 7 more`), which hands the flag to `onFollow` (the window selects the first and highlights
/// them all).
public final class RedFlagCell extends ListCell<RedFlag> {

    /// How many ids the link names before "and N more".
    static final int IDS_SHOWN = 5;

    private final Label sentence = new Label();
    private final Hyperlink link = new Hyperlink();
    private final VBox box = new VBox(2, sentence, link);

    public RedFlagCell(ListView<RedFlag> list, Consumer<RedFlag> onFollow) {
        getStyleClass().add("red-flag");
        sentence.getStyleClass().add("red-flag-sentence");
        sentence.setWrapText(true);
        // As wide as the list leaves room for, so the sentence wraps rather than being cut or scrolled sideways.
        sentence.maxWidthProperty().bind(list.widthProperty().subtract(36));
        sentence.setMinHeight(Label.USE_PREF_SIZE);
        link.getStyleClass().add("red-flag-link");
        link.setOnAction(e -> {
            if (getItem() != null) {
                onFollow.accept(getItem());
            }
        });
    }

    @Override
    protected void updateItem(RedFlag flag, boolean empty) {
        super.updateItem(flag, empty);
        setText(null);
        if (empty || flag == null) {
            setGraphic(null);
            return;
        }
        sentence.setText(flag.rank() + ". " + flag.sentence());
        link.setText(flag.ids().isEmpty() ? "" : "see " + flag.idList(IDS_SHOWN));
        link.setVisible(!flag.ids().isEmpty());
        link.setManaged(!flag.ids().isEmpty());
        setGraphic(box);
    }
}
