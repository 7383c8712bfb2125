package dev.asynclab.engine.spi;

/// Which threads run callbacks on the real clock.
public enum ThreadMode {
    /// One virtual thread per running callback: cheap to block, the default.
    VIRTUAL,
    /// Platform threads from a cached pool: to show what blocking costs when threads are scarce.
    PLATFORM
}
