package dev.asynclab.lab.scenario;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/// Reads `work: { js: { file: cache.js } }` sources, which must lie in the scenario's folder or below it.
final class ScriptFiles {

    private static final long MAX_BYTES = 256 * 1024;

    private final Optional<Path> folder;
    private final Problems problems;

    ScriptFiles(Optional<Path> folder, Problems problems) {
        this.folder = folder.map(f -> f.toAbsolutePath().normalize());
        this.problems = problems;
    }

    Optional<String> read(String name, Node node) {
        if (folder.isEmpty()) {
            problems.add(node, "script file '" + name + "' cannot be found: this scenario was not loaded from a "
                    + "file; expected inline source instead");
            return Optional.empty();
        }
        Path path = folder.get().resolve(name).normalize();
        if (Path.of(name).isAbsolute() || !path.startsWith(folder.get())) {
            problems.add(node, "expected a script file in the scenario's folder or below it, found '" + name + "'");
            return Optional.empty();
        }
        try {
            if (!Files.isRegularFile(path)) {
                problems.add(node, "script file '" + name + "' not found; expected it at " + path);
                return Optional.empty();
            }
            if (Files.size(path) > MAX_BYTES) {
                problems.add(node, "script file '" + name + "' is larger than " + MAX_BYTES / 1024
                        + " KB; expected a small callback");
                return Optional.empty();
            }
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(path))).toString());
        } catch (CharacterCodingException e) {
            problems.add(node, "script file '" + name + "' is not UTF-8 text");
        } catch (IOException e) {
            problems.add(node, "cannot read script file '" + name + "': " + e.getMessage());
        }
        return Optional.empty();
    }
}
