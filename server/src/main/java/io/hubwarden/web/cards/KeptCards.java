package io.hubwarden.web.cards;

import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.WorkspaceId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.zip.GZIPOutputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The JSON of the cards last made for each person, kept with the tag it was made under, so that a request whose cards
 * have not changed since is answered with the same bytes instead of reading and writing hundreds of cards again. The
 * JSON is kept gzip-compressed too, compressed once when kept: the cards of 200 hubs are 90 KB as JSON and 15 KB
 * compressed, which is what a browser asks for; writing the larger form was a seventh of a request's CPU.
 *
 * <p>A tag names the person, their workspace, the JSON's shape and the cards' version, which moves whenever a card
 * would read differently; the JSON holds no words of a locale. A body is therefore only given for the very tag it
 * was made under, and only to the person and workspace it was made for; a person's newer body replaces their older
 * one. At most {@link #BOUND} bytes of bodies (both forms) are kept in all, the least recently used leaving first,
 * and a body larger than an eighth of that is not kept at all.
 */
@Component
class KeptCards {

    /** 8 MiB: the cards of about eighty people with 200 hubs each, or of thousands with a few. */
    static final long BOUND = 8L << 20;

    private final long bound;
    private final LinkedHashMap<Owner, Body> bodies = new LinkedHashMap<>(16, 0.75f, true);
    private long kept;

    KeptCards() {
        this(BOUND);
    }

    KeptCards(long bound) {
        this.bound = bound;
    }

    /** The body made for the person under {@code tag}, or {@code null} when none is kept for that tag. */
    synchronized @Nullable Body body(WorkspaceId workspace, PersonId person, String tag) {
        var body = bodies.get(new Owner(workspace, person));
        return body != null && body.tag().equals(tag) ? body : null;
    }

    /**
     * Keeps the JSON made for the person under {@code tag}, in place of any kept before; never changed after. Returns
     * the body kept, or {@code null} when it is too large to keep.
     */
    @Nullable
    Body keep(WorkspaceId workspace, PersonId person, String tag, byte[] json) {
        var body = json.length > bound / 8 ? null : new Body(tag, json, gzip(json));
        synchronized (this) {
            var before = bodies.remove(new Owner(workspace, person));
            if (before != null) {
                kept -= before.size();
            }
            if (body == null || body.size() > bound / 8) {
                return null;
            }
            bodies.put(new Owner(workspace, person), body);
            kept += body.size();
            var eldest = bodies.values().iterator();
            while (kept > bound) {
                kept -= eldest.next().size();
                eldest.remove();
            }
            return body;
        }
    }

    /** How many bytes of bodies are kept. */
    synchronized long kept() {
        return kept;
    }

    private static byte[] gzip(byte[] json) {
        var compressed = new ByteArrayOutputStream(json.length / 8 + 64);
        try (var out = new GZIPOutputStream(compressed)) {
            out.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: not thrown
        }
        return compressed.toByteArray();
    }

    /** The cards' JSON as made under {@code tag}, and the same bytes gzip-compressed. */
    record Body(String tag, byte[] json, byte[] gzip) {

        long size() {
            return (long) json.length + gzip.length;
        }
    }

    private record Owner(WorkspaceId workspace, PersonId person) {}
}
