package io.hubwarden.hub;

import io.hubwarden.hub.SyncCursor.Phase;

/**
 * Where a sync stands in each of the two lanes it reads at once, as saved in its job's checkpoint: the people lane
 * (members, then pending invitations) and the assets lane (assets, then who holds them). A lane at
 * {@link Phase#APPLY} is read to its end. Text of the form {@code people;assets}, each a {@link SyncCursor}'s text;
 * a checkpoint saved when the lanes were read one after the other, a single cursor, still resumes where it stopped.
 */
record SyncCheckpoint(SyncCursor people, SyncCursor assets) {

    static final SyncCheckpoint START = new SyncCheckpoint(SyncCursor.START, SyncCursor.at(Phase.ASSETS));

    private static final String LANES = ";";

    SyncCheckpoint withPeople(SyncCursor next) {
        return new SyncCheckpoint(next, assets);
    }

    SyncCheckpoint withAssets(SyncCursor next) {
        return new SyncCheckpoint(people, next);
    }

    /** How many of the four reading phases are done, two per lane. */
    int phasesDone() {
        return switch (people.phase()) {
                    case MEMBERS -> 0;
                    case INVITATIONS -> 1;
                    default -> 2;
                }
                + switch (assets.phase()) {
                    case MEMBERS, INVITATIONS, ASSETS -> 0;
                    case GRANTS -> 1;
                    case APPLY -> 2;
                };
    }

    String text() {
        return people.text() + LANES + assets.text();
    }

    static SyncCheckpoint parse(String text) {
        int split = text.indexOf(LANES);
        if (split >= 0) {
            var people = SyncCursor.parse(text.substring(0, split));
            var assets = SyncCursor.parse(text.substring(split + 1));
            return new SyncCheckpoint(
                    switch (people.phase()) {
                        case MEMBERS, INVITATIONS -> people;
                        default -> SyncCursor.at(Phase.APPLY);
                    },
                    switch (assets.phase()) {
                        case ASSETS, GRANTS, APPLY -> assets;
                        default -> START.assets();
                    });
        }
        // One cursor: the lanes were read one after the other, people first.
        var cursor = SyncCursor.parse(text);
        return switch (cursor.phase()) {
            case MEMBERS, INVITATIONS -> new SyncCheckpoint(cursor, START.assets());
            case ASSETS, GRANTS -> new SyncCheckpoint(SyncCursor.at(Phase.APPLY), cursor);
            case APPLY -> new SyncCheckpoint(cursor, cursor);
        };
    }
}
