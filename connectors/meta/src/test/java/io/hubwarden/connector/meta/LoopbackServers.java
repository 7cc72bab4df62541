package io.hubwarden.connector.meta;

/** Settings for the JDK HTTP server the simulator answers with, in this JVM. */
final class LoopbackServers {

    private LoopbackServers() {}

    /**
     * Turns Nagle's algorithm off in {@code com.sun.net.httpserver}: it writes headers and body separately, and with
     * Nagle on the body waits for the client's delayed ACK, 40 ms per answer on Linux. The JDK reads the property once,
     * so this must run before the first server starts.
     */
    static void answerWithoutNagleDelay() {
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }
}
