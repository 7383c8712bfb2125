package dev.asynclab.app;

import javafx.scene.image.Image;

import java.util.List;
import java.util.Objects;

/// The app's icon at the sizes a window manager picks from (taskbar, title bar, Alt-Tab). The PNGs are rendered
/// from `assets/icon/asynclab.svg` and packed into the jar by the app's pom.
///
/// ```java
/// stage.getIcons().setAll(AppIcon.images());
/// ```
public final class AppIcon {

    /// The sizes in `assets/icon`, in pixels.
    public static final List<Integer> SIZES = List.of(16, 32, 48, 64, 128, 256);

    private AppIcon() {
    }

    /// One image per size, smallest first.
    public static List<Image> images() {
        return SIZES.stream().map(AppIcon::image).toList();
    }

    static Image image(int size) {
        var url = Objects.requireNonNull(AppIcon.class.getResource("icon/asynclab-" + size + ".png"),
                "icon/asynclab-" + size + ".png is missing from the jar");
        return new Image(url.toExternalForm());
    }
}
