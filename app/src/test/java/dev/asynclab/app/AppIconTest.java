package dev.asynclab.app;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;

import static org.assertj.core.api.Assertions.assertThat;

/// The window's icon is in the jar at every size it names, each a square PNG of that size.
class AppIconTest {

    @Test
    void everyIconSizeIsASquarePngOfThatSize() throws IOException {
        for (int size : AppIcon.SIZES) {
            try (InputStream in = AppIcon.class.getResourceAsStream("icon/asynclab-" + size + ".png")) {
                assertThat(in).as("icon/asynclab-%d.png", size).isNotNull();
                BufferedImage image = ImageIO.read(in);
                assertThat(image.getWidth()).isEqualTo(size);
                assertThat(image.getHeight()).isEqualTo(size);
            }
        }
    }
}
