package io.hubwarden;

import java.util.Locale;
import java.util.UUID;

/** Names no other test uses, since tests share one database per JVM. */
public final class Unique {

    private Unique() {}

    /** An email address like {@code ada-3f9c2b@example.com}. */
    public static String email(String who) {
        return who.toLowerCase(Locale.ROOT) + "-" + suffix() + "@example.com";
    }

    /** A name like {@code Acme 3f9c2b}. */
    public static String name(String base) {
        return base + " " + suffix();
    }

    /** A private client address, so that failed sign-ins of one test do not throttle another. */
    public static String clientAddress() {
        var bytes = UUID.randomUUID().getLeastSignificantBits();
        return "10." + ((bytes >>> 16) & 0xff) + "." + ((bytes >>> 8) & 0xff) + "." + (bytes & 0xff);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
