package dev.asynclab.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/// The window skips Prism's OpenGL attempt only where no GPU can answer it, and never overrides the user.
class RenderingPipelineTest {

    @TempDir
    Path dev;

    @Test
    void aLinuxMachineWithoutGpuDeviceStartsOnTheSoftwarePipeline() {
        assertThat(RenderingPipeline.choose(dev, "Linux", null)).contains("sw");
    }

    @Test
    void anEmptyDriFolderIsNoGpu() throws IOException {
        Files.createDirectory(dev.resolve("dri"));

        assertThat(RenderingPipeline.choose(dev, "Linux", null)).contains("sw");
    }

    @Test
    void aDrmCardOrRenderNodeLeavesTheChoiceToPrism() throws IOException {
        Files.createDirectories(dev.resolve("dri"));
        Files.createFile(dev.resolve("dri/renderD128"));

        assertThat(RenderingPipeline.choose(dev, "Linux", null)).isEmpty();
    }

    @Test
    void theNvidiaDriversControlNodeLeavesTheChoiceToPrism() throws IOException {
        Files.createFile(dev.resolve("nvidiactl"));

        assertThat(RenderingPipeline.choose(dev, "Linux", null)).isEmpty();
    }

    @Test
    void aPipelineTheUserSetIsKept() {
        assertThat(RenderingPipeline.choose(dev, "Linux", "es2")).isEmpty();
        assertThat(RenderingPipeline.choose(dev, "Linux", "")).contains("sw");
    }

    @Test
    void otherSystemsHaveNoDevFolderToAskAndKeepPrismsChoice() {
        assertThat(RenderingPipeline.choose(dev, "Windows 11", null)).isEmpty();
        assertThat(RenderingPipeline.choose(dev, "Mac OS X", null)).isEmpty();
    }
}
