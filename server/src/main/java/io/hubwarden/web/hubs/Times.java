package io.hubwarden.web.hubs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Moments as the Users and Jobs pages and the export show them: to the minute, in UTC, the same for everyone. */
final class Times {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Times() {}

    static String text(@Nullable Instant moment) {
        return moment == null ? "" : FORMAT.format(moment);
    }
}
