package io.hubwarden.web.cards;

import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.WorkspaceId;
import java.util.LinkedHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The JSON of the cards last made for each person, kept with the tag it was made under, so that a request whose cards
 * have not changed since is answered with the same bytes instead of reading and writing hundreds of cards again.
 *
 * <p>A tag names the person, their workspace, the JSON's shape and the cards' version, which moves whenever a card
 * would read differently; the JSON holds no words of a locale. A body is therefore only given for the very tag it
 * was made under, and only to the person and workspace it was made for; a person's newer body replaces their older
 * one. At most {@link #BOUND} bytes of bodies are kept in all, the least recently used leaving first, and a body
 * larger than an eighth of that is not kept at all.
 */
@Component
class KeptCards {

    /** 8 MiB: the cards of about ninety people with 200 hubs each, or of thousands with a few. */
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

    /** The JSON made for the person under {@code tag}, or {@code null} when none is kept for that tag. */
    synchronized byte @Nullable [] json(WorkspaceId workspace, PersonId person, String tag) {
        var body = bodies.get(new Owner(workspace, person));
        return body != null && body.tag().equals(tag) ? body.json() : null;
    }

    /** Keeps the JSON made for the person under {@code tag}, in place of any kept before; never changed after. */
    synchronized void keep(WorkspaceId workspace, PersonId person, String tag, byte[] json) {
        var before = bodies.remove(new Owner(workspace, person));
        if (before != null) {
            kept -= before.json().length;
        }
        if (json.length > bound / 8) {
            return;
        }
        bodies.put(new Owner(workspace, person), new Body(tag, json));
        kept += json.length;
        var eldest = bodies.values().iterator();
        while (kept > bound) {
            kept -= eldest.next().json().length;
            eldest.remove();
        }
    }

    /** How many bytes of bodies are kept. */
    synchronized long kept() {
        return kept;
    }

    private record Owner(WorkspaceId workspace, PersonId person) {}

    private record Body(String tag, byte[] json) {}
}
