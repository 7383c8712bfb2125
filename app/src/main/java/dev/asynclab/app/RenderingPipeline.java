package dev.asynclab.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/// Chooses JavaFX's software renderer before the toolkit starts, on a Linux machine with no GPU device.
///
/// Prism tries its OpenGL pipeline (`es2`) first. Without a GPU, Mesa answers with a software rasteriser
/// (llvmpipe) that Prism's hardware check rejects, and only then does it fall back to `sw`: the attempt loads and
/// initialises the GL libraries for nothing. Where the kernel shows no GPU device node (`/dev/dri/*`, or the
/// proprietary NVIDIA driver's `/dev/nvidiactl`), no local hardware OpenGL is possible, so the window starts with
/// `prism.order=sw` straight away: the same pipeline it would have ended on. A `prism.order` the user set is kept,
/// and so is everything on a machine with a GPU.
///
/// ```java
/// RenderingPipeline.choose(Path.of("/dev"), System.getProperty("os.name"), System.getProperty("prism.order"))
///         .ifPresent(order -> System.setProperty(RenderingPipeline.PRISM_ORDER, order));
/// ```
public final class RenderingPipeline {

    /// The system property Prism reads its pipeline order from, once, when the toolkit starts.
    public static final String PRISM_ORDER = "prism.order";

    private RenderingPipeline() {
    }

    /// Sets `prism.order=sw` for this process when `choose` says so, as `Application.launch` is about to be called.
    static void chooseForThisMachine() {
        choose(Path.of("/dev"), System.getProperty("os.name", ""), System.getProperty(PRISM_ORDER))
                .ifPresent(order -> System.setProperty(PRISM_ORDER, order));
    }

    /// The pipeline order to set: `sw` on Linux when `devices` (the `/dev` folder) holds no GPU device node and
    /// `userOrder` (the `prism.order` already set, or null) is empty; otherwise nothing, and Prism chooses.
    public static Optional<String> choose(Path devices, String osName, String userOrder) {
        if (userOrder != null && !userOrder.isBlank()) {
            return Optional.empty();
        }
        if (!osName.toLowerCase(Locale.ROOT).startsWith("linux") || hasGpuDevice(devices)) {
            return Optional.empty();
        }
        return Optional.of("sw");
    }

    /// True when `devices` has a DRM device (any entry in `dri/`: a card or render node of an open driver, a
    /// virtual machine's virtio GPU included) or the NVIDIA driver's control node. A folder that cannot be read
    /// counts as a GPU: then Prism's own check decides, as it did before.
    static boolean hasGpuDevice(Path devices) {
        if (Files.exists(devices.resolve("nvidiactl"))) {
            return true;
        }
        Path dri = devices.resolve("dri");
        if (!Files.isDirectory(dri)) {
            return false;
        }
        try (Stream<Path> nodes = Files.list(dri)) {
            return nodes.findAny().isPresent();
        } catch (IOException e) {
            return true;
        }
    }
}
