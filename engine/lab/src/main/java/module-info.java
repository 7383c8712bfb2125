/// Async Lab's lab, on the engine core: scenarios (model, loader, runner, sweeps, lints), the audit log
/// (writer, reader, verifier, merger), its exports (Perfetto, Chrome trace JSON, JFR, CSV), metrics, script
/// callbacks (GraalVM polyglot) and pool-size advice fitted from a recorded log.
module dev.asynclab.lab {
    requires transitive dev.asynclab.engine;

    exports dev.asynclab.lab.lifecycle;
    exports dev.asynclab.lab.metrics;
    exports dev.asynclab.lab.scenario;
    exports dev.asynclab.lab.audit;
    exports dev.asynclab.lab.polyglot;
    exports dev.asynclab.lab.story;
    exports dev.asynclab.lab.export;
    // Perfetto's generated message classes: not API, but protobuf-java reads their descriptors reflectively.
    opens dev.asynclab.lab.export.perfetto to com.google.protobuf;
    exports dev.asynclab.lab.advise;
    exports dev.asynclab.lab.limit;

    requires com.fasterxml.jackson.databind;
    requires com.google.protobuf;
    requires HdrHistogram;
    requires org.graalvm.polyglot;
    requires org.snakeyaml.engine;
}
