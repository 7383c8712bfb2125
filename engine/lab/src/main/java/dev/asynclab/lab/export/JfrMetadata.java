package dev.asynclab.lab.export;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// The type descriptions of a JFR chunk: its metadata event's tree of elements (`root` → `metadata` → one `class`
/// per type, with `field` and `annotation` children; `root` → `region`), written after a pool of the strings it
/// uses, each element as a name index, its attributes as index pairs, then its children. This is the layout
/// `jdk.jfr.internal.MetadataReader` and JDK Mission Control read.
///
/// ```java
/// var metadata = new JfrMetadata();
/// var attempt = metadata.eventType("asynclab.Attempt", "Attempt", "One attempt of a callback", "Attempts", true);
/// attempt.field("callback", JfrMetadata.STRING, false).annotation(JfrMetadata.LABEL, "Callback");
/// ```
final class JfrMetadata {

    /// Type ids 0 and 1 are the metadata and checkpoint records themselves.
    static final long LONG = 11;
    static final long INT = 10;
    static final long BOOLEAN = 4;
    static final long STRING = 20;
    static final long THREAD = 21;

    static final String LABEL = "jdk.jfr.Label";
    static final String DESCRIPTION = "jdk.jfr.Description";
    static final String CATEGORY = "jdk.jfr.Category";
    static final String TIMESTAMP = "jdk.jfr.Timestamp";
    static final String TIMESPAN = "jdk.jfr.Timespan";

    /// One element of the tree.
    private static final class Element {
        final String name;
        final Map<String, String> attributes = new LinkedHashMap<>();
        final List<Element> children = new ArrayList<>();

        Element(String name) {
            this.name = name;
        }

        Element attribute(String key, Object value) {
            attributes.put(key, String.valueOf(value));
            return this;
        }

        Element child(String childName) {
            Element child = new Element(childName);
            children.add(child);
            return child;
        }
    }

    private final Element root = new Element("root");
    private final Element metadata = root.child("metadata");
    private final Map<String, Long> annotationTypes = new LinkedHashMap<>();
    private long nextId = 100;

    JfrMetadata() {
        metadata.child("class").attribute("name", "long").attribute("id", LONG);
        metadata.child("class").attribute("name", "int").attribute("id", INT);
        metadata.child("class").attribute("name", "boolean").attribute("id", BOOLEAN);
        metadata.child("class").attribute("name", "java.lang.String").attribute("id", STRING);
        for (String annotation : List.of(LABEL, DESCRIPTION, TIMESTAMP, TIMESPAN)) {
            annotationType(annotation, false);
        }
        annotationType(CATEGORY, true);
        Element thread = metadata.child("class").attribute("name", "java.lang.Thread").attribute("id", THREAD);
        field(thread, "osName", STRING, false).annotation(LABEL, "OS Thread Name");
        field(thread, "osThreadId", LONG, false).annotation(LABEL, "OS Thread Id");
        field(thread, "javaName", STRING, false).annotation(LABEL, "Java Thread Name");
        field(thread, "javaThreadId", LONG, false).annotation(LABEL, "Java Thread Id");
        annotate(thread, LABEL, "Thread");
        root.child("region").attribute("locale", "en_US").attribute("gmtOffset", 0);
    }

    /// An event type: its fields start with `startTime` and, for a duration event, `duration` (the reader takes
    /// the first one or two fields as the event's times), then `eventThread`, then the given ones.
    EventType eventType(String name, String label, String description, String category, boolean duration) {
        long id = nextId++;
        Element type = metadata.child("class").attribute("name", name).attribute("superType", "jdk.jfr.Event")
                .attribute("id", id);
        var event = new EventType(id, type);
        event.field("startTime", LONG, false).annotation(LABEL, "Start Time").annotation(TIMESTAMP, "TICKS");
        if (duration) {
            event.field("duration", LONG, false).annotation(LABEL, "Duration").annotation(TIMESPAN, "TICKS");
        }
        event.field("eventThread", THREAD, true).annotation(LABEL, "Event Thread");
        annotate(type, LABEL, label);
        annotate(type, DESCRIPTION, description);
        annotateArray(type, CATEGORY, List.of("Async Lab", category));
        return event;
    }

    /// An event type being declared; fields are written in the order added.
    final class EventType {
        final long id;
        private final Element element;

        private EventType(long id, Element element) {
            this.id = id;
            this.element = element;
        }

        Field field(String name, long typeId, boolean constantPool) {
            return JfrMetadata.this.field(element, name, typeId, constantPool);
        }
    }

    /// A field being declared, to annotate.
    final class Field {
        private final Element element;

        private Field(Element element) {
            this.element = element;
        }

        Field annotation(String annotationType, String value) {
            annotate(element, annotationType, value);
            return this;
        }
    }

    private Field field(Element type, String name, long typeId, boolean constantPool) {
        Element field = type.child("field").attribute("name", name).attribute("class", typeId);
        if (constantPool) {
            field.attribute("constantPool", true);
        }
        return new Field(field);
    }

    private void annotationType(String name, boolean array) {
        long id = nextId++;
        annotationTypes.put(name, id);
        Element type = metadata.child("class").attribute("name", name)
                .attribute("superType", "java.lang.annotation.Annotation").attribute("id", id);
        Element value = type.child("field").attribute("name", "value").attribute("class", STRING);
        if (array) {
            value.attribute("dimension", 1);
        }
    }

    private void annotate(Element element, String annotationType, String value) {
        element.child("annotation").attribute("class", annotationTypes.get(annotationType)).attribute("value", value);
    }

    /// An array-valued annotation: its values are the attributes `value-0`, `value-1`, ….
    private void annotateArray(Element element, String annotationType, List<String> values) {
        Element annotation = element.child("annotation").attribute("class", annotationTypes.get(annotationType));
        for (int i = 0; i < values.size(); i++) {
            annotation.attribute("value-" + i, values.get(i));
        }
    }

    /// The metadata event's payload after its header fields: the string pool, then the element tree.
    void writeTo(JfrBuffer out) {
        Map<String, Integer> pool = new LinkedHashMap<>();
        collect(root, pool);
        out.putVarLong(pool.size());
        for (String s : pool.keySet()) {
            out.putString(s);
        }
        write(root, pool, out);
    }

    private static void collect(Element element, Map<String, Integer> pool) {
        pool.putIfAbsent(element.name, pool.size());
        element.attributes.forEach((k, v) -> {
            pool.putIfAbsent(k, pool.size());
            pool.putIfAbsent(v, pool.size());
        });
        element.children.forEach(child -> collect(child, pool));
    }

    private static void write(Element element, Map<String, Integer> pool, JfrBuffer out) {
        out.putVarLong(pool.get(element.name)).putVarLong(element.attributes.size());
        element.attributes.forEach((k, v) -> out.putVarLong(pool.get(k)).putVarLong(pool.get(v)));
        out.putVarLong(element.children.size());
        element.children.forEach(child -> write(child, pool, out));
    }
}
