package dev.asynclab.jlink;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/// The `.deb` as apt sees it (built with `-Pimage,deb`; skipped when it was not): its control fields, its menu
/// entry, its file types, the link that puts `asynclab` on the PATH. Read with `dpkg-deb`, installed nowhere.
class DebPackageIT {

    private static Path deb;

    @TempDir
    Path tmp;

    @BeforeAll
    static void locateDeb() throws IOException {
        String dir = System.getProperty("asynclab.jpackage");
        Assumptions.assumeTrue(dir != null && Files.isDirectory(Path.of(dir)), "no jpackage output (-Pimage,deb)");
        try (Stream<Path> files = Files.list(Path.of(dir))) {
            deb = files.filter(f -> f.getFileName().toString().endsWith(".deb")).findFirst().orElse(null);
        }
        Assumptions.assumeTrue(deb != null, "no .deb built (-Pimage,deb)");
    }

    @Test
    void controlNamesTheMaintainerAndDependsOnGtk() throws Exception {
        String control = dpkgDeb("-f", deb.toString());

        assertThat(control).contains("Maintainer: Async Lab <")
                .containsPattern("Depends: .*libgtk-3-0 \\| libgtk-3-0t64")
                .containsPattern("Depends: .*libxtst6")
                .containsPattern("Depends: .*xdg-utils");
    }

    @Test
    void carriesTheLicence() throws Exception {
        assertThat(fileInDeb("./opt/asynclab/share/doc/copyright")).contains("Apache License",
                "Version 2.0, January 2004");
    }

    @Test
    void menuEntryHasTheIconAndHandsTheFileOnForBothFileTypes() throws Exception {
        String desktop = fileInDeb("./opt/asynclab/lib/asynclab-asynclab.desktop");
        String mime = fileInDeb("./opt/asynclab/lib/asynclab-asynclab-MimeInfo.xml");

        assertThat(desktop).contains("Name=Async Lab", "Exec=/opt/asynclab/bin/asynclab %f",
                "Icon=/opt/asynclab/lib/asynclab.png", "application/yaml", "application/jsonl");
        assertThat(mime).contains("<glob pattern=\"*.yaml\">", "<glob pattern=\"*.jsonl\">");
        assertThat(dpkgDeb("-c", deb.toString())).contains("./opt/asynclab/lib/asynclab.png");
    }

    @Test
    void installingPutsAsynclabOnThePathAndRemovingTakesItAway() throws Exception {
        Path control = tmp.resolve("control");
        dpkgDeb("-e", deb.toString(), control.toString());

        assertThat(Files.readString(control.resolve("postinst")))
                .contains("ln -sf /opt/asynclab/bin/asynclab /usr/bin/asynclab")
                .contains("xdg-desktop-menu install", "xdg-mime install");
        // On a minimal system xdg-desktop-menu fails without /etc/xdg/menus, and with it the whole install.
        String postinst = Files.readString(control.resolve("postinst"));
        assertThat(postinst.indexOf("mkdir -p /etc/xdg/menus")).isNotNegative()
                .isLessThan(postinst.indexOf("xdg-desktop-menu install"));
        assertThat(Files.readString(control.resolve("prerm"))).contains("rm -f /usr/bin/asynclab");
    }

    /// One file of the package's data, without unpacking the other 170 MB.
    private String fileInDeb(String path) throws Exception {
        Path out = Files.createTempFile(tmp, "file", ".txt");
        Process p = new ProcessBuilder("sh", "-c", "dpkg-deb --fsys-tarfile \"$1\" | tar -xOf - \"$2\"", "sh",
                deb.toString(), path).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        assertThat(p.waitFor()).as("%s in %s", path, deb).isZero();
        return Files.readString(out);
    }

    private String dpkgDeb(String... args) throws Exception {
        var command = new java.util.ArrayList<String>();
        command.add("dpkg-deb");
        command.addAll(java.util.List.of(args));
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        int code = p.waitFor();
        String text = Files.readString(out);
        assertThat(code).as(String.join(" ", command) + "\n" + text).isZero();
        return text;
    }
}
