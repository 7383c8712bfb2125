package dev.asynclab.docexamples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/// The ```` ```java ```` blocks of the `///` Javadoc in a module's exported packages, read from its sources.
///
/// The exported packages come from `module-info.java` (qualified exports, `exports p to m`, are not public API and
/// are left out). A type that is not public is still read: its example is compiled inside its own package, the only
/// place its readers could write it.
public record JavadocExamples(List<String> exportedPackages, List<Example> examples) {

    private static final Pattern EXPORTS = Pattern.compile("(?m)^\\s*exports\\s+([\\w.]+)\\s*;");

    /// One example: the type whose source holds it, the line of its opening fence, and its lines without `/// `.
    public record Example(String packageName, String typeName, boolean publicType, int line, List<String> code) {

        public String where() {
            return packageName + "." + typeName + " (line " + line + ")";
        }
    }

    public static JavadocExamples read(Path sourceRoot) {
        try {
            var exported = new ArrayList<String>();
            Matcher m = EXPORTS.matcher(Files.readString(sourceRoot.resolve("module-info.java")));
            while (m.find()) {
                exported.add(m.group(1));
            }
            var examples = new ArrayList<Example>();
            for (String pkg : exported) {
                try (Stream<Path> files = Files.list(sourceRoot.resolve(pkg.replace('.', '/')))) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                        examples.addAll(examplesIn(pkg, file));
                    }
                }
            }
            return new JavadocExamples(List.copyOf(exported), List.copyOf(examples));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Example> examplesIn(String pkg, Path file) throws IOException {
        String type = file.getFileName().toString().replace(".java", "");
        List<String> lines = Files.readAllLines(file);
        boolean publicType = lines.stream().anyMatch(l -> l.matches("public .*\\b(class|interface|record|enum) "
                + type + "\\b.*"));
        var found = new ArrayList<Example>();
        List<String> block = null;
        int opened = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (!line.startsWith("///")) {
                continue;
            }
            String text = line.substring(3).startsWith(" ") ? line.substring(4) : line.substring(3);
            if (block == null && text.strip().equals("```java")) {
                block = new ArrayList<>();
                opened = i + 1;
            } else if (block != null && text.strip().startsWith("```")) {
                found.add(new Example(pkg, type, publicType, opened, List.copyOf(block)));
                block = null;
            } else if (block != null) {
                block.add(text);
            }
        }
        return found;
    }
}
