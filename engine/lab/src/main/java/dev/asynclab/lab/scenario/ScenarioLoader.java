package dev.asynclab.lab.scenario;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/// Loads scenario files: safe YAML (no tags, at most 50 aliases, at most 32 levels deep, at most 1 MB), every
/// value checked with its line and column, every problem reported at once. A file with any problem yields no
/// scenario.
///
/// ```java
/// try {
///     Scenario scenario = ScenarioLoader.load(Path.of("scenarios/01-timeout.yaml"));
/// } catch (ScenarioException e) {
///     // 01-timeout.yaml:7:5: unknown key 'timout' in callback 'slow-service' (did you mean 'timeout'?)
///     System.err.println(e.getMessage());
/// }
/// ```
public final class ScenarioLoader {

    /// The largest scenario file accepted.
    public static final int MAX_FILE_BYTES = 1024 * 1024;

    private ScenarioLoader() {
    }

    /// Loads a file; script files it names are read from its folder. Problems name the file by the path as given
    /// (`scenarios/pool.yaml:7:5: …`), as the audit log's reader names a log: what an editor or a terminal can
    /// open from where the user is. A script callback's origin, which its errors carry into the run's events, is
    /// the file's name alone (`pool.yaml:12`), so a run's log is the same from whatever folder it was started.
    public static Scenario load(Path path) throws ScenarioException {
        String name = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        Problems problems = new Problems(path.toString(), name);
        try {
            if (Files.isRegularFile(path) && Files.size(path) > MAX_FILE_BYTES) {
                problems.add(1, 1, "the file has " + Files.size(path) + " bytes; expected at most " + MAX_FILE_BYTES);
                throw problems.exception();
            }
            byte[] bytes = Files.readAllBytes(path);
            return parse(decode(bytes, problems), problems, Optional.of(path));
        } catch (NoSuchFileException e) {
            problems.add(1, 1, "no such file: " + path);
        } catch (IOException e) {
            problems.add(1, 1, "cannot read " + path + ": " + e.getMessage());
        }
        throw problems.exception();
    }

    /// Loads scenario text; `name` stands for the file in problems. Script files cannot be named (no folder).
    public static Scenario load(String name, String text) throws ScenarioException {
        Problems problems = new Problems(name, name);
        if (text.length() > MAX_FILE_BYTES) {
            problems.add(1, 1, "the text has " + text.length() + " characters; expected at most " + MAX_FILE_BYTES);
            throw problems.exception();
        }
        return parse(text, problems, Optional.empty());
    }

    private static Scenario parse(String text, Problems problems, Optional<Path> source) throws ScenarioException {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        LoadSettings settings = LoadSettings.builder()
                .setLabel(problems.file())
                .setAllowDuplicateKeys(false)
                .setAllowRecursiveKeys(false)
                .setMaxAliasesForCollections(YamlGuard.MAX_ALIASES)
                .setCodePointLimit(MAX_FILE_BYTES + 1)
                .build();
        Optional<Node> root = Optional.empty();
        try {
            if (YamlGuard.check(body, settings, problems)) {
                var parser = new ParserImpl(settings, new StreamReader(settings, body));
                root = new Composer(settings, parser).getSingleNode();
            }
        } catch (MarkedYamlEngineException e) {
            problems.add(e.getProblemMark().or(e::getContextMark), syntaxMessage(e));
        } catch (ReaderException e) {
            int[] place = place(body, e.getPosition());
            problems.add(place[0], place[1], "character U+" + String.format("%04X", e.getCodePoint())
                    + " is not allowed in YAML; expected printable text (is this a binary file?)");
        } catch (YamlEngineException e) {
            problems.add(1, 1, "cannot read YAML: " + e.getMessage());
        }
        if (problems.isEmpty() && root.isEmpty()) {
            problems.add(1, 1, "the file is empty; expected a mapping with at least 'name' and 'callbacks'");
        }
        if (!problems.isEmpty()) {
            throw problems.exception();
        }
        Optional<Scenario> scenario;
        try {
            scenario = new ScenarioReader(problems, source).read(root.orElseThrow());
        } catch (Problems.Exhausted e) {
            scenario = Optional.empty();
        }
        if (!problems.isEmpty() || scenario.isEmpty()) {
            throw problems.exception();
        }
        return scenario.get();
    }

    private static String syntaxMessage(MarkedYamlEngineException e) {
        String problem = e.getProblem() == null ? "malformed YAML" : e.getProblem().strip();
        String context = e.getContext() == null ? "" : " (" + e.getContext().strip()
                + e.getContextMark().filter(m -> !m.equals(e.getProblemMark().orElse(null)))
                        .map(m -> " that starts at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
                        .orElse("") + ")";
        return "invalid YAML: " + problem + context;
    }

    /// Strict UTF-8: a file that is not text is named as such, at the line and column of its first bad byte.
    private static String decode(byte[] bytes, Problems problems) throws ScenarioException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            out.flip();
            int[] place = place(out.toString(), out.toString().codePointCount(0, out.length()));
            problems.add(place[0], place[1], String.format("byte 0x%02X is not UTF-8 text; expected a YAML text file",
                    bytes[in.position()] & 0xFF));
            throw problems.exception();
        }
        decoder.flush(out);
        out.flip();
        return out.toString();
    }

    /// The 1-based line and column of the code point at `index`.
    private static int[] place(String text, int index) {
        int line = 1;
        int column = 1;
        int seen = 0;
        for (int i = 0; i < text.length() && seen < index; i += Character.charCount(text.codePointAt(i)), seen++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new int[] {line, column};
    }

}
