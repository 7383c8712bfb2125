package dev.asynclab.engine;

/// The engine's version, as written into audit log headers.
public final class EngineVersion {

    public static final String VERSION = "0.1.0";

    private EngineVersion() {
    }
}
