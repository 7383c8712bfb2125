// protobuf-java 4.36.2 (the Perfetto export) is an automatic module (Automatic-Module-Name com.google.protobuf), which
// jlink refuses. moditect writes this descriptor into a copy of the jar (target/modules); generated with
// jdeps --generate-module-info.
module com.google.protobuf {
    requires java.logging;
    requires jdk.unsupported;

    exports com.google.protobuf;
    exports com.google.protobuf.compiler;
}
