package io.hubwarden.simulator.meta;

import io.hubwarden.simulator.Faults;
import io.hubwarden.simulator.IncomingRequest;
import io.hubwarden.simulator.Reply;
import io.hubwarden.simulator.RequestLog;
import java.net.URI;

/** Routes every request of the simulated Meta to the Graph API, the login dialog, the join pages or the control API. */
final class MetaHub {

    private final MetaWorld world;
    private final Faults faults;
    private final RequestLog log;
    private final MetaSimulator.Options options;
    private volatile URI origin = URI.create("http://127.0.0.1");
    private volatile int forcedPageSize;

    MetaHub(MetaWorld world, Faults faults, RequestLog log, MetaSimulator.Options options) {
        this.world = world;
        this.faults = faults;
        this.log = log;
        this.options = options;
    }

    void listeningOn(URI httpOrigin) {
        this.origin = httpOrigin;
    }

    void forcePageSize(int size) {
        this.forcedPageSize = size;
    }

    void resetUsage() {}

    Reply answer(IncomingRequest request) {
        return Reply.text(501, "Not yet served: " + request.path());
    }
}
