package dev.asynclab.lab.audit;

/// The last line of a log was cut mid-way (the writer stopped while writing it, usually a crash). The whole
/// lines before it were read; this one was dropped.
///
/// ```java
/// reader.truncation().ifPresent(t -> System.err.println(t.describe()));  // line 1001: cut after 37 bytes...
/// ```
///
/// @param line  the number of the partial line, from 1
/// @param bytes how many bytes of it were there
public record Truncation(long line, int bytes) {

    public String describe() {
        return "line " + line + ": cut after " + bytes + " bytes (the writer stopped mid-line); "
                + "the lines before it were read";
    }
}
