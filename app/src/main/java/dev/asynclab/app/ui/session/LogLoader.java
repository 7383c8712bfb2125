package dev.asynclab.app.ui.session;

import dev.asynclab.app.store.EventStore;
import dev.asynclab.engine.event.Event;
import dev.asynclab.lab.audit.AuditHeader;
import dev.asynclab.lab.audit.AuditLogException;
import dev.asynclab.lab.audit.AuditVerifier;
import dev.asynclab.lab.audit.LogWindowReader;
import dev.asynclab.lab.audit.VerificationReport;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/// Reads an audit log into a new [EventStore] and its [RunFold] in one pass, on three threads, never holding more
/// than a few batches of the log's events as objects: the store's columns are all that stays.
/// A log larger than the heap is read a [LogWindow] at a time ([#loadWindow]): the same threads, reading from
/// the window's first block on through the log's on-disk index.
///
/// Overview: a reading thread parses and verifies the log (the hash chain has to be checked in order, so one
/// thread does it) and hands batches of `BATCH` events through a bounded queue to the calling thread, which appends
/// them to the store and passes each batch on, through a second bounded queue, to a folding thread that folds them
/// into the run's summary ([RunFold]). The fold needs nothing from the store, so it runs beside it: on two cores
/// the three threads' work is spread by the scheduler instead of by where each step was placed (a JFR profile of
/// a 2 M-event open, loaded machine: the storing thread 361 samples, 76 of them the fold, against the reading
/// thread's 248; the sessions before had moved the fold from one side to the other as either was the heavier).
/// The bounded queues make a fast reader wait for a slow store, and the store for a slow fold, instead of filling
/// the heap. The store is made and fed by the calling thread only, and the fold by the folding thread only; the
/// store is handed to the FX thread whole when it is finished ([Session#adopt]), so it needs no locking: it is
/// published by that hand-over, and the fold's result by the join of its thread.
///
/// ```java
/// LogLoader.Loaded loaded = LogLoader.load(Path.of("audit.jsonl"), LogLoader.PROGRESS_EVERY,
///         n -> System.out.println(n + " events"));
/// session.adopt(loaded.store());
/// ```
public final class LogLoader {

    /// Events per batch handed from the reading thread: big enough that the queue's hand-off costs nothing per
    /// event, small enough that the batches in flight stay a few megabytes.
    static final int BATCH = 4096;
    private static final int BATCHES_IN_FLIGHT = 16;
    /// How often (in events) the progress callback hears how far the load is.
    public static final long PROGRESS_EVERY = 1L << 18;

    private LogLoader() {
    }

    /// A log read: its header, its chain's verification (null when the read stopped at its limit before the
    /// chain's end), its events in a store and their fold (null for a log with no events), and whether the store
    /// holds only the first events of the log (`cut`: it had more than the limit).
    public record Loaded(AuditHeader header, VerificationReport report, EventStore store, RunFold.Result result,
                         boolean cut) {
    }

    /// Reads `file` on this thread and one more; `progress` hears the number of events indexed so far, every
    /// `every` events (`PROGRESS_EVERY` in the app), on this thread.
    ///
    /// @throws AuditLogException when the file cannot be read or is not an audit log
    public static Loaded load(Path file, long every, LongConsumer progress) {
        return load(file, every, Long.MAX_VALUE, progress);
    }

    /// Reads at most the first `limit` events of `file` (all of them when it holds no more), as
    /// [#load(Path, long, LongConsumer)] does; [Loaded#cut()] says whether it stopped there.
    public static Loaded load(Path file, long every, long limit, LongConsumer progress) {
        return load(file, (header, events) -> AuditVerifier.read(file, header, events), every, limit, progress);
    }

    /// Reads `window` of a log through its index ([LogWindowReader]: a seek to the window's first block, no
    /// parsing of what comes before), as [#load(Path, long, LongConsumer)] reads a whole log; the report is the
    /// window's verification, from the chain's state at its first block.
    ///
    /// ```java
    /// LogLoader.Loaded shown = LogLoader.loadWindow(window.at(t), LogLoader.PROGRESS_EVERY, n -> { });
    /// ```
    public static Loaded loadWindow(LogWindow window, long every, LongConsumer progress) {
        long events = window.events();
        return load(window.index().log(), (header, sink) -> LogWindowReader.read(window.index(), window.firstBlock(),
                events, header, sink), every, Long.MAX_VALUE, progress);
    }

    /// What the reading thread runs: hands the header, then every record, and returns the verification.
    private interface Source {
        VerificationReport read(Consumer<? super AuditHeader> header, Consumer<? super Event> events);
    }

    private static Loaded load(Path file, Source source, long every, long limit, LongConsumer progress) {
        BlockingQueue<List<Event>> queue = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
        Reading reading = new Reading(file, source, queue);
        Thread reader = Thread.ofPlatform().daemon().name("audit-parse").start(reading);
        Folding folding = new Folding();
        Thread folder = Thread.ofPlatform().daemon().name("audit-fold").start(folding);
        EventStore store = new EventStore();
        long nextProgress = every;
        boolean cut = false;
        try {
            while (true) {
                List<Event> batch = queue.take();
                if (batch == Reading.END) {
                    break;
                }
                if (reading.stop) {
                    cut = true;
                    continue; // taken only so that the reader is not left waiting to put it
                }
                if (store.size() + batch.size() >= limit) {
                    cut |= store.size() + batch.size() > limit;
                    batch = batch.subList(0, (int) (limit - store.size()));
                    reading.stop = true;
                }
                store.appendAll(batch);
                folding.queue.put(batch);
                if (store.size() >= nextProgress) {
                    progress.accept(store.size());
                    nextProgress += every;
                }
            }
            folding.queue.put(Reading.END);
            reader.join();
            folder.join();
        } catch (RuntimeException | Error e) {
            // Either may be waiting on a queue nobody will serve. An Error too (a window that did not fit the heap
            // ran this thread out of memory): before, the reader was left blocked on the full queue for good.
            reader.interrupt();
            folder.interrupt();
            throw e;
        } catch (InterruptedException e) {
            reader.interrupt();
            folder.interrupt();
            Thread.currentThread().interrupt();
            throw new AuditLogException(file, 0, 0, "the read was interrupted");
        }
        if (reading.failure != null) {
            throw reading.failure;
        }
        if (folding.failure instanceof Error e) {
            throw e;
        }
        if (folding.failure != null) {
            throw (RuntimeException) folding.failure;
        }
        return new Loaded(reading.header, reading.report, store, store.size() == 0 ? null : folding.result,
                cut || (reading.stop && reading.report == null));
    }

    /// Heap a loaded store takes per event, all its indexes included, with room for what the read holds while it
    /// runs. `BigLogBenchmarkTest`'s 10,000,002-event log (a synthetic pool run, 3,021,020 latencies) left 631 MB
    /// after a full GC once shown in the app's window (63 bytes an event; 716 MB before the lifecycle found dense ids
    /// by position, 1,403 MB before the store's columns were narrowed), and peaked at 976-1,116 MB while loading
    /// (1,174-1,196 MB in the same loaded windows before the verifier's fold kept phases without times and its line
    /// numbers in chunks): besides the store, the read keeps its own fold of every invocation until it ends (the
    /// verifier's check of one terminal event each), garbage until then. Kept at 100 bytes: the peak, not the store,
    /// is what must fit, and three pairs of runs on a loaded machine are not enough to lower it.
    static final long HEAP_BYTES_PER_EVENT = 100;
    /// The share of the free heap a load may fill with its store: the rest is for the reading's garbage (batches in
    /// flight, the fold), the red flags' example history, the views' own copies (the charts' series) and the
    /// collector's room to work.
    static final double HEAP_SHARE = 0.7;

    /// The most events a store may hold when `freeBytes` of the heap are free ([HeapRoom#free], measured with
    /// nothing else loading): a log with more is read that far and no further, or a window at a time, rather than
    /// running out of memory. Sized from the heap really free, not the maximum: at a small `-Xmx` the app's own
    /// heap is a large share of it.
    public static long fittingEvents(long freeBytes) {
        return (long) (Math.max(0, freeBytes) * HEAP_SHARE / HEAP_BYTES_PER_EVENT);
    }

    /// About how many events `file` holds, from its size and the length of its first lines (for a progress
    /// figure); 0 when it cannot tell.
    public static long estimateEvents(Path file) {
        try (var in = java.nio.file.Files.newInputStream(file)) {
            byte[] head = in.readNBytes(1 << 16);
            int lines = 0;
            int firstEnd = -1;
            int lastEnd = -1;
            for (int i = 0; i < head.length; i++) {
                if (head[i] == '\n') {
                    if (firstEnd < 0) {
                        firstEnd = i; // the header line, unlike the records
                    } else {
                        lines++;
                    }
                    lastEnd = i;
                }
            }
            if (lines == 0) {
                return 0;
            }
            double perLine = (lastEnd - firstEnd) / (double) lines;
            return Math.round((java.nio.file.Files.size(file) - firstEnd - 1) / perLine);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    /// The summary's side: folds the batches the storing thread has stored into the run's [RunFold], on a thread of
    /// its own. The fold needs nothing from the store and the events are immutable, so it runs beside the storing
    /// thread instead of after it on the same one, where it was a fifth of that thread's samples in a JFR profile
    /// of a 2 M-event open (76 of 361). Its fields are written before the thread ends and read by the loading
    /// thread after it joins it, so the join orders them; the queue is its only other link to that thread.
    private static final class Folding implements Runnable {

        /// Bounded like the reading side's queue: a slow fold makes the storing thread wait rather than fill the heap.
        final BlockingQueue<List<Event>> queue = new ArrayBlockingQueue<>(BATCHES_IN_FLIGHT);
        private final RunFold fold = new RunFold(null);
        RunFold.Result result;
        /// A RuntimeException, or an Error (out of memory) that would otherwise end this thread unseen.
        Throwable failure;

        @Override
        public void run() {
            boolean any = false;
            try {
                while (true) {
                    List<Event> batch = queue.take();
                    if (batch == Reading.END) {
                        break;
                    }
                    any |= !batch.isEmpty();
                    fold.take(batch);
                }
                result = any ? fold.result() : null;
            } catch (InterruptedException e) {
                // the load failed and no longer waits for the summary
            } catch (RuntimeException | Error e) {
                failure = e;
                // Keep taking, so that the storing thread is never left waiting to put a batch.
                drain();
            }
        }

        private void drain() {
            try {
                while (queue.take() != Reading.END) {
                    // dropped: the load fails with `failure`
                }
            } catch (InterruptedException e) {
                // the load failed anyway
            }
        }
    }

    /// The reading thread's side: parse, verify, batch. Its fields are written before it puts `END` and read
    /// by the loading thread after it takes `END` and joins it, so the join orders them.
    private static final class Reading implements Runnable {

        static final List<Event> END = List.of();

        /// Set by the loading thread once it has all it will take; the reading thread then stops at its next
        /// event. Volatile: the only field the two threads share outside the queue.
        volatile boolean stop;

        private final Path file;
        private final Source source;
        private final BlockingQueue<List<Event>> queue;
        AuditHeader header;
        VerificationReport report;
        RuntimeException failure;
        private List<Event> batch = new ArrayList<>(BATCH);

        Reading(Path file, Source source, BlockingQueue<List<Event>> queue) {
            this.file = file;
            this.source = source;
            this.queue = queue;
        }

        @Override
        public void run() {
            try {
                report = source.read(h -> header = h, this::take);
                if (!batch.isEmpty()) {
                    put(batch);
                }
            } catch (Stopped e) {
                report = null; // read no further: the chain past here is not checked
            } catch (RuntimeException e) {
                failure = e;
            } finally {
                try {
                    queue.put(END);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private void take(Event e) {
            if (stop) {
                throw Stopped.INSTANCE;
            }
            batch.add(e);
            if (batch.size() == BATCH) {
                put(batch);
                batch = new ArrayList<>(BATCH);
            }
        }

        private static final class Stopped extends RuntimeException {
            static final Stopped INSTANCE = new Stopped();

            private Stopped() {
                super(null, null, false, false);
            }
        }

        private void put(List<Event> full) {
            try {
                queue.put(full);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AuditLogException(file, 0, 0, "the read was interrupted");
            }
        }
    }
}
