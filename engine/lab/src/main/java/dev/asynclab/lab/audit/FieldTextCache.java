package dev.asynclab.lab.audit;

/// One text field of the audit log as the writer writes it, `,"worker":"w3"`, remembered packed for the texts the
/// field had lately, so that a text seen again goes into the line with four 8-byte stores instead of being encoded
/// char by char after its key.
///
/// A run repeats a few short texts line after line (the callbacks' names, the lanes', an error type, a result such
/// as "ok"), mostly as the very same String objects. A small direct-mapped table by the text's hash: a text that
/// is the same object as the one in its slot, or equal to it, is a hit; anything else is written the plain way and
/// takes the slot. Only fields of at most [JsonLineEncoder.Packed#MAX] bytes, key included, are kept, so a long or
/// one-off text (an error message with an id in it) costs one length check. Not thread-safe: the writer's.
final class FieldTextCache {

    private static final int SLOTS = 16;

    private final byte[] key;
    /// Texts longer than this (in chars) cannot fit a packed field with the key and the quotes.
    private final int maxChars;
    private final String[] texts = new String[SLOTS];
    private final JsonLineEncoder.Packed[] fields = new JsonLineEncoder.Packed[SLOTS];

    /// A cache for the field whose key bytes (`,"worker":`) are `key`.
    FieldTextCache(byte[] key) {
        this.key = key.clone();
        this.maxChars = JsonLineEncoder.Packed.MAX - key.length - 2;
    }

    /// Writes the key and `text` (not null) as a JSON string to `enc`, which has room for them and the scratch bytes.
    void write(JsonLineEncoder enc, String text) {
        if (text.length() > maxChars) {
            enc.key(key);
            enc.string(text);
            return;
        }
        int h = text.hashCode();
        int slot = (h ^ h >>> 16) & (SLOTS - 1);
        String seen = texts[slot];
        if (seen == text || seen != null && seen.equals(text)) {
            enc.key(fields[slot]);
            return;
        }
        int start = enc.pos;
        enc.key(key);
        enc.string(text);
        int length = enc.pos - start;
        if (length <= JsonLineEncoder.Packed.MAX) { // non-ASCII text may take more bytes than chars
            fields[slot] = JsonLineEncoder.Packed.of(enc.buf, start, length);
            texts[slot] = text;
        }
    }
}
