package dev.asynclab.app.ui.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/// Light and dark: an AtlantaFX user-agent stylesheet plus our `app.css`, whose outcome tokens switch with the
/// `dark` style class on the root.
public enum Theme {
    LIGHT,
    DARK;

    /// The theme a saved name stands for: `LIGHT` for no name or one this version does not know (a preferences file
    /// edited by hand, or written by a later version), so a bad preference never stops the window from opening.
    ///
    /// ```java
    /// Theme theme = Theme.saved(prefs.get("theme", null));
    /// ```
    public static Theme saved(String name) {
        for (Theme theme : values()) {
            if (theme.name().equals(name)) {
                return theme;
            }
        }
        return LIGHT;
    }

    public static final String APP_CSS = Theme.class.getResource("/dev/asynclab/app/app.css").toExternalForm();

    /// Applies the theme to the application and to `scene`'s root.
    public void apply(Scene scene) {
        applyToApplication();
        styleRoot(scene);
    }

    /// Makes this theme's AtlantaFX stylesheet the application's user-agent stylesheet, unless it already is (the
    /// window sets it before building its view, then again with the scene).
    public void applyToApplication() {
        String stylesheet = userAgentStylesheet();
        if (!stylesheet.equals(Application.getUserAgentStylesheet())) {
            Application.setUserAgentStylesheet(stylesheet);
        }
    }

    /// Styles `scene` alone as this theme (its own user-agent stylesheet, not the application's): a scene
    /// that is never shown, read for its colours.
    void style(Scene scene) {
        scene.setUserAgentStylesheet(userAgentStylesheet());
        styleRoot(scene);
    }

    private void styleRoot(Scene scene) {
        if (!scene.getStylesheets().contains(APP_CSS)) {
            scene.getStylesheets().add(APP_CSS);
        }
        scene.getRoot().getStyleClass().remove("dark");
        if (this == DARK) {
            scene.getRoot().getStyleClass().add("dark");
        }
    }

    /// AtlantaFX's stylesheet for this theme.
    public String userAgentStylesheet() {
        return this == DARK ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet();
    }

    public Theme other() {
        return this == DARK ? LIGHT : DARK;
    }
}
