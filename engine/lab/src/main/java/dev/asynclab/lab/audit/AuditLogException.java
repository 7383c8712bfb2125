package dev.asynclab.lab.audit;

import java.nio.file.Path;

/// An audit log that cannot be read: names the file, the line and column (both from 1; 0 when the problem is
/// the whole file) and what was expected there. Its message is one line meant for a person.
///
/// ```java
/// try { AuditLogReader.read(path); }
/// catch (AuditLogException e) { System.err.println(e.getMessage()); }  // audit.jsonl:812:17: expected ','...
/// ```
public final class AuditLogException extends RuntimeException {

    private final transient Path file;
    private final long line;
    private final int column;
    private final String problem;

    public AuditLogException(Path file, long line, int column, String problem) {
        this(file, line, column, problem, null);
    }

    public AuditLogException(Path file, long line, int column, String problem, Throwable cause) {
        super(format(file, line, column, problem), cause);
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    private static String format(Path file, long line, int column, String problem) {
        var where = new StringBuilder(file == null ? "<stream>" : file.toString());
        if (line > 0) {
            where.append(':').append(line);
            if (column > 0) {
                where.append(':').append(column);
            }
        }
        return where.append(": ").append(problem).toString();
    }

    public Path file() {
        return file;
    }

    /// The line, from 1; 0 when the problem concerns the whole file (it cannot be opened, it is empty).
    public long line() {
        return line;
    }

    /// The column in bytes, from 1; 0 when not known.
    public int column() {
        return column;
    }

    /// What is wrong, without the place.
    public String problem() {
        return problem;
    }
}
