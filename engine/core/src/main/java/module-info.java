/// Async Lab's engine core: NAAb's FFI async callback framework for Java.
///
/// Requires nothing but `java.base`, so a service can embed it without a third-party jar. Exported: the API
/// (`dev.asynclab.engine`), events and sinks (`.event`) and the extension points with both clocks (`.spi`).
/// `.internal` (leaf helpers) and every package-private class are private to the core.
module dev.asynclab.engine {
    exports dev.asynclab.engine;
    exports dev.asynclab.engine.event;
    exports dev.asynclab.engine.spi;
}
