package dev.asynclab.app.store;

/// Race and parallel groups: when each started and finished, for the brackets on the timeline.
public final class GroupTable {

    private final LongIntMap index = new LongIntMap();
    private int size;
    private long[] ids = new long[0];
    private int[] names = new int[0];
    private long[] starts = new long[0];
    private long[] ends = new long[0];

    void started(long id, int name, long t) {
        int i = index.get(id);
        if (i < 0) {
            i = size++;
            ids = Growable.ensure(ids, size);
            names = Growable.ensure(names, size);
            starts = Growable.ensure(starts, size);
            ends = Growable.ensure(ends, size);
            index.put(id, i);
            ids[i] = id;
            ends[i] = -1;
        }
        names[i] = name;
        starts[i] = t;
    }

    void finished(long id, long t) {
        int i = index.get(id);
        if (i >= 0) {
            ends[i] = t;
        }
    }

    public int size() {
        return size;
    }

    public long id(int i) {
        return ids[i];
    }

    int nameIndex(int i) {
        return names[i];
    }

    public long start(int i) {
        return starts[i];
    }

    /// When it finished, -1 while it runs.
    public long end(int i) {
        return ends[i];
    }
}
