/// Async Lab's engine: NAAb's FFI async callback framework for Java.
///
/// Exported: the API (`dev.asynclab.engine`), events (`.event`), the time SPI (`.spi`) and its two
/// clocks (`.time`), plus the audit log, scenario, metrics and script-callback APIs as they land.
/// Everything under `.internal` is private to the engine.
module dev.asynclab.engine {
    exports dev.asynclab.engine;
    exports dev.asynclab.engine.event;
    exports dev.asynclab.engine.spi;
    exports dev.asynclab.engine.time;
    exports dev.asynclab.engine.metrics;
    exports dev.asynclab.engine.scenario;
    exports dev.asynclab.engine.audit;
    exports dev.asynclab.engine.polyglot;

    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires HdrHistogram;
    requires org.graalvm.polyglot;
    requires org.snakeyaml.engine;
}
