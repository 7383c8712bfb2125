package dev.asynclab.app.store;

/// A growing column of ints, stored as [LongColumn] stores longs: in 4K chunks, each as narrow as its values
/// allow (a lane index or a name's index takes a byte, an event index near its neighbours a short).
final class IntColumn {

    private final LongColumn values = new LongColumn();

    void add(int value) {
        values.add(value);
    }

    int get(int i) {
        return (int) values.get(i);
    }

    void set(int i, int value) {
        values.set(i, value);
    }

    int size() {
        return values.size();
    }

    long payloadBytes() {
        return values.payloadBytes();
    }
}
