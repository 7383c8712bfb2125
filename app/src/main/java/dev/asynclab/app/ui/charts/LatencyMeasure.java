package dev.asynclab.app.ui.charts;

/// What the latency charts count. A retried call is several attempts (each its own invocation), and a race or
/// parallel group several members, but its caller waits once: the two answer different questions.
///
/// ```java
/// charts.measureProperty().set(LatencyMeasure.CALLS);   // what the callers felt
/// ```
public enum LatencyMeasure {

    /// Each attempt alone, from its submission to its own end: what the pool and the timeout saw.
    ATTEMPTS("attempts", "each attempt"),
    /// Each call, from its first submission to the result its caller got, across retries and group members: what
    /// the caller felt.
    CALLS("calls", "each call, end to end");

    private final String counted;
    private final String choice;

    LatencyMeasure(String counted, String choice) {
        this.counted = counted;
        this.choice = choice;
    }

    /// What one unit of the count is, in the plural ("attempts"), for axis labels.
    public String counted() {
        return counted;
    }

    /// How the choice reads in the charts' bar ("each call, end to end").
    public String choice() {
        return choice;
    }
}
