package org.tandem.core.conversation;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A file the bot hands to someone (an export, a person's own data, a report's chart): a safe file name, a media type Tandem makes,
 * and the bytes. Files travel next to messages, not inside them ({@link Messenger#sendFile}): a message
 * may be stored and redelivered by an adapter, a file is handed over once, and every platform uploads files
 * through its own API. Kept small so that any adapter may hold one in memory and in its store.
 */
public record FileAttachment(String name, String mediaType, byte[] bytes) {

    /** The largest file Tandem sends: well under what Slack, Teams and a MongoDB document accept. */
    public static final int MAX_BYTES = 4 * 1024 * 1024;

    /** The kinds of file the core makes; an adapter may rely on nothing else arriving. */
    public static final Set<String> MEDIA_TYPES = Set.of("text/csv", "application/json", "text/calendar", "image/png");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /** A file larger than {@link #MAX_BYTES}: the caller narrows what it exports. */
    public static final class TooLarge extends IllegalArgumentException {
        public TooLarge(int size) {
            super("a file may hold at most " + MAX_BYTES + " bytes, not " + size);
        }
    }

    public FileAttachment {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(mediaType, "mediaType");
        Objects.requireNonNull(bytes, "bytes");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a file name is 1-100 letters, digits, '.', '_' or '-': " + name);
        }
        if (!MEDIA_TYPES.contains(mediaType)) {
            throw new IllegalArgumentException("not a media type Tandem sends: " + mediaType);
        }
        if (bytes.length > MAX_BYTES) {
            throw new TooLarge(bytes.length);
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** A picture (a report's chart): adapters show it inline, where the platform can, rather than as a download. */
    public boolean image() {
        return mediaType.startsWith("image/");
    }

    public int size() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileAttachment f && f.name.equals(name) && f.mediaType.equals(mediaType)
                && Arrays.equals(f.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, mediaType, Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "FileAttachment[" + name + ", " + mediaType + ", " + bytes.length + " bytes]";
    }
}
