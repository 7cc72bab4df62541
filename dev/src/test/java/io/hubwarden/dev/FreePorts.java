package io.hubwarden.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;

/** Options for an embedded default on ports nobody uses at the moment, so tests run beside a real one. */
final class FreePorts {

    private FreePorts() {}

    static DevOptions options(Path dataDirectory) {
        return new DevOptions(free(), free(), free(), free(), -1, free(), dataDirectory, List.of());
    }

    private static int free() {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
