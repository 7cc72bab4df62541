package io.hubwarden.simulator.tiktok;

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
 * Routes every request of the simulated TikTok: {@code /__sim/} to the control API, {@code /portal/auth} to the
 * authorization page, {@code /bc/invitation/} to the join page, {@code /open_api/v1.3/} to the Business API. Every
 * request but control ones is logged.
 */
final class TikTokHub {

    private static final Pattern ENVELOPE_CODE = Pattern.compile("^\\{\"code\":(\\d+)");

    private final TikTokWorld world;
    private final RequestLog log;
    private final OpenApi api;
    private final PortalAuth portal;
    private final JoinPage joinPage;
    private volatile URI origin = URI.create("http://127.0.0.1");
    private volatile int forcedPageSize;
    private volatile @Nullable TikTokControlApi control;

    TikTokHub(TikTokWorld world, Faults faults, RequestLog log, TikTokSimulator.Options options) {
        this.world = world;
        this.log = log;
        this.api = new OpenApi(
                world,
                faults,
                new InvitationMail(options.smtpHost(), options.smtpPort()),
                options,
                () -> forcedPageSize,
                () -> origin);
        this.portal = new PortalAuth(world);
        this.joinPage = new JoinPage(world);
    }

    void listeningOn(URI httpOrigin, TikTokControlApi controlApi) {
        this.origin = httpOrigin;
        this.control = controlApi;
    }

    void forcePageSize(int size) {
        this.forcedPageSize = size;
    }

    void resetUsage() {
        api.resetUsage();
    }

    Reply answer(IncomingRequest request) {
        String path = request.path();
        TikTokControlApi controlApi = control;
        if ((path.equals("/__sim") || path.startsWith("/__sim/")) && controlApi != null) {
            return controlApi.answer(request);
        }
        Reply reply = route(request, trimmed(path));
        log.add(LoggedRequest.of(world.now(), request, reply.status(), errorCode(reply)));
        return reply;
    }

    private Reply route(IncomingRequest request, String path) {
        if (path.equals("/") && request.method().equals("GET")) {
            return index();
        }
        if (path.equals("/portal/auth")) {
            return world.write(() -> portal.answer(request));
        }
        if (path.equals("/bc/invitation")) {
            return world.write(() -> joinPage.answer(request));
        }
        if (path.startsWith(OpenApi.PREFIX + "/")) {
            return api.answer(request, path.substring(OpenApi.PREFIX.length()));
        }
        return Reply.json(404, "{\"code\":40000,\"message\":\"Not Found\",\"data\":{}}");
    }

    private static String trimmed(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static Reply index() {
        String body = "<p>A local stand-in for TikTok's Business API (<code>" + OpenApi.PREFIX
                + "/...</code>), its authorization page (<code>/portal/auth</code>) and Business Center invitation"
                + " pages (<code>/bc/invitation/</code>).</p>"
                + "<p>Control API: <a href=\"/__sim/\">/__sim/</a>, state: <a href=\"/__sim/state\">/__sim/state</a>,"
                + " recent requests: <a href=\"/__sim/requests\">/__sim/requests</a>.</p>";
        return Reply.html(200, Pages.of("TikTok simulator", body));
    }

    /** TikTok's return code when it is not 0: errors come back with HTTP 200. */
    private static @Nullable Integer errorCode(Reply reply) {
        if (!reply.contentType().startsWith("application/json")) {
            return null;
        }
        Matcher matcher = ENVELOPE_CODE.matcher(reply.body());
        if (!matcher.find()) {
            return null;
        }
        int code = Integer.parseInt(matcher.group(1));
        return code == 0 ? null : code;
    }
}
