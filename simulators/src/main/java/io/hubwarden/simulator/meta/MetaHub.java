package io.hubwarden.simulator.meta;

import io.hubwarden.simulator.Faults;
import io.hubwarden.simulator.IncomingRequest;
import io.hubwarden.simulator.LoggedRequest;
import io.hubwarden.simulator.Reply;
import io.hubwarden.simulator.RequestLog;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Routes every request of the simulated Meta: {@code /__sim/} to the control API, {@code /vNN.0/dialog/oauth} to the
 * login dialog, {@code /invitation/} to the join pages, everything else to the Graph API (unversioned paths get the
 * default version, as at Meta). Every request but control ones is logged.
 */
final class MetaHub {

    private static final Pattern VERSIONED = Pattern.compile("^/(v\\d+\\.\\d+)(/.*)?$");
    private static final Pattern ERROR_CODE = Pattern.compile("\"code\":(\\d+)");

    private final MetaWorld world;
    private final RequestLog log;
    private final GraphApi graph;
    private final LoginDialog dialog;
    private final JoinPages joinPages;
    private final UsageMeter usage;
    private volatile URI origin = URI.create("http://127.0.0.1");
    private volatile int forcedPageSize;
    private volatile @Nullable ControlApi control;

    MetaHub(MetaWorld world, Faults faults, RequestLog log, MetaSimulator.Options options) {
        this.world = world;
        this.log = log;
        this.usage = new UsageMeter(options.clock(), options.callsPerHour());
        this.graph = new GraphApi(
                world,
                faults,
                usage,
                new InvitationMail(options.smtpHost(), options.smtpPort()),
                options,
                () -> forcedPageSize,
                () -> origin);
        this.dialog = new LoginDialog(world);
        this.joinPages = new JoinPages(world);
    }

    void listeningOn(URI httpOrigin, ControlApi controlApi) {
        this.origin = httpOrigin;
        this.control = controlApi;
    }

    void forcePageSize(int size) {
        this.forcedPageSize = size;
    }

    void resetUsage() {
        usage.reset();
    }

    Reply answer(IncomingRequest request) {
        String path = request.path();
        ControlApi controlApi = control;
        if ((path.equals("/__sim") || path.startsWith("/__sim/")) && controlApi != null) {
            return controlApi.answer(request);
        }
        Reply reply = route(request, path);
        log.add(LoggedRequest.of(world.now(), request, reply.status(), errorCode(reply)));
        return reply;
    }

    private Reply route(IncomingRequest request, String path) {
        if (path.equals("/")
                && request.method().equals("GET")
                && request.params().isEmpty()) {
            return index();
        }
        if (path.equals("/invitation") || path.startsWith("/invitation/")) {
            return world.write(() -> joinPages.answer(request));
        }
        String version = MetaSimulator.VERSION;
        String rest = path;
        Matcher matcher = VERSIONED.matcher(path);
        if (matcher.matches()) {
            version = matcher.group(1);
            rest = matcher.group(2) == null ? "/" : matcher.group(2);
        }
        if (rest.equals("/dialog/oauth") || rest.equals("/dialog/oauth/")) {
            return world.write(() -> dialog.answer(request));
        }
        return graph.answer(request, rest, version);
    }

    private Reply index() {
        String body = "<p>A local stand-in for Meta's Graph API (<code>/" + MetaSimulator.VERSION
                + "/...</code>), Facebook Login (<code>/" + MetaSimulator.VERSION
                + "/dialog/oauth</code>) and invitation pages (<code>/invitation/</code>).</p>"
                + "<p>Control API: <a href=\"/__sim/\">/__sim/</a>, state: <a href=\"/__sim/state\">/__sim/state</a>,"
                + " recent requests: <a href=\"/__sim/requests\">/__sim/requests</a>.</p>";
        return Reply.html(200, HtmlPage.of("Meta simulator", body));
    }

    private static @Nullable Integer errorCode(Reply reply) {
        if (reply.status() < 400 || !reply.contentType().startsWith("application/json")) {
            return null;
        }
        Matcher matcher = ERROR_CODE.matcher(reply.body());
        return matcher.find() ? Integer.valueOf(matcher.group(1)) : null;
    }
}
