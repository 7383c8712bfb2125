package dev.asynclab.app.ui.theme;

import javafx.scene.control.ButtonBase;
import javafx.scene.control.Labeled;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/// Material icons (Ikonli) for buttons, colored by the theme: a `FontIcon` takes the button's text color, so
/// it follows light and dark, and the disabled look, without a stylesheet of its own.
///
/// ```java
/// Icons.decorate(runButton, Material2AL.PLAY_ARROW);
/// ```
public final class Icons {

    private Icons() {
    }

    /// Puts `icon` before the button's text.
    public static <B extends ButtonBase> B decorate(B button, Ikon icon) {
        button.setGraphic(icon(icon, button));
        return button;
    }

    /// `icon` in the text color of `owner`.
    public static FontIcon icon(Ikon icon, Labeled owner) {
        FontIcon graphic = new FontIcon(icon);
        graphic.getStyleClass().add("button-icon");
        graphic.iconColorProperty().bind(owner.textFillProperty());
        return graphic;
    }

    /// Gives every button under `root` whose graphic is a `FontIcon` (declared in FXML) its text color.
    public static void colorGraphics(javafx.scene.Parent root) {
        colorGraphics(root.lookupAll(".button"));
    }

    /// The same for these nodes (a tool bar's items are not its children until it has a skin).
    public static void colorGraphics(java.util.Collection<? extends javafx.scene.Node> nodes) {
        for (javafx.scene.Node n : nodes) {
            if (n instanceof Labeled l && l.getGraphic() instanceof FontIcon icon) {
                icon.getStyleClass().add("button-icon");
                icon.iconColorProperty().bind(l.textFillProperty());
            }
        }
    }
}
