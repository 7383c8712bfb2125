package dev.asynclab.app.ui.main;

import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;

import java.util.List;
import java.util.function.Supplier;

/// The menus' key combinations before the menus exist. The window's first frame shows the welcome page without
/// the menu bar (`MainView` builds it after that frame), and a key pressed meanwhile, such as F5 right after
/// `asynclab FILE`, would otherwise be lost. Each combination goes into the scene's accelerators, where it asks
/// for the menus (building them) and fires the enabled menu item that names it in its `userData`, as the menu's
/// own accelerator would have; when the menu bar's skin registers its accelerators, they take the same keys over.
///
/// ```java
/// StartShortcuts.install(scene, () -> bars().getMenus());
/// ```
final class StartShortcuts {

    private StartShortcuts() {
    }

    /// Adds a scene accelerator for each key combination of `Shortcut` (a plain key such as `+` is `PlainKeys`'s);
    /// `menus` is called only when one is pressed.
    static void install(Scene scene, Supplier<List<Menu>> menus) {
        for (Shortcut shortcut : Shortcut.ALL) {
            if (!shortcut.typed()) {
                scene.getAccelerators().put(shortcut.combination(), () -> fire(menus.get(), shortcut.name()));
            }
        }
    }

    private static void fire(List<Menu> menus, String name) {
        for (Menu menu : menus) {
            for (MenuItem item : menu.getItems()) {
                if (name.equals(item.getUserData()) && !item.isDisable()) {
                    item.fire();
                    return;
                }
            }
        }
    }
}
