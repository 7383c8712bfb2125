// HdrHistogram 2.2.2 is an automatic module (its name comes from the jar's file name), which jlink refuses.
// moditect writes this descriptor into a copy of the jar (target/modules); generated with jdeps --generate-module-info.
module HdrHistogram {
    exports org.HdrHistogram;
    exports org.HdrHistogram.packedarray;
}
