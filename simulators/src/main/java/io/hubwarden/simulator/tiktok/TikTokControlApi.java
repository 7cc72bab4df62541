package io.hubwarden.simulator.tiktok;

import io.hubwarden.simulator.ControlInput;
import io.hubwarden.simulator.Fault;
import io.hubwarden.simulator.IncomingRequest;
import io.hubwarden.simulator.Reply;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;

/**
 * The control API under {@code /__sim/}: the {@link TikTokSimulator} Java API over HTTP, for clients in other
 * processes (and for clicking through the demo). Requests carry a JSON object (or form fields); answers are JSON. A
 * refused seed answers 400 {@code {"error": "..."}}, an action the state forbids (accepting a lapsed invitation) 409.
 * See {@code simulators/README.md} for every route.
 */
final class TikTokControlApi {

    private final TikTokSimulator simulator;

    TikTokControlApi(TikTokSimulator simulator) {
        this.simulator = simulator;
    }

    Reply answer(IncomingRequest request) {
        List<String> path = new ArrayList<>();
        for (String segment : request.path().split("/")) {
            if (!segment.isEmpty()) {
                path.add(segment);
            }
        }
        path = path.subList(1, path.size());
        ControlInput input;
        try {
            input = ControlInput.of(request);
        } catch (JacksonException malformed) {
            return failure(400, "the body is not a JSON object: " + malformed.getOriginalMessage());
        }
        try {
            Object result = route(request.method(), path, input);
            return result instanceof Reply reply ? reply : Reply.json(200, OpenApi.JSON.writeValueAsString(result));
        } catch (IllegalArgumentException refused) {
            return failure(400, String.valueOf(refused.getMessage()));
        } catch (IllegalStateException forbidden) {
            return failure(409, String.valueOf(forbidden.getMessage()));
        }
    }

    private Object route(String method, List<String> path, ControlInput input) {
        String route = method + " /"
                + String.join("/", path.stream().map(TikTokControlApi::shape).toList());
        switch (route) {
            case "GET /":
                return Map.of("routes", ROUTES);
            case "POST /reset":
                simulator.reset();
                return Map.of("success", true);
            case "POST /apps":
                List<URI> redirects = new ArrayList<>();
                input.list("redirect_uris").forEach(uri -> redirects.add(URI.create(uri)));
                return simulator.seedApp(new TikTokApp(
                        input.required("app_id"),
                        input.required("secret"),
                        input.text("name", "Simulated app"),
                        redirects));
            case "GET /business_centers":
                return simulator.businessCenters();
            case "POST /business_centers":
                return simulator.seedBusinessCenter(input.required("name"));
            case "GET /accounts":
                return simulator.accounts();
            case "POST /accounts":
                return simulator.seedAccount(
                        input.required("email"),
                        input.text("name", "Simulated Person"),
                        input.text("password", "password"));
            case "GET /business_centers/*/members":
                return simulator.members(path.get(1));
            case "POST /business_centers/*/members":
                String finance = input.text("finance_role", "");
                return simulator.addMember(
                        path.get(1),
                        input.required("email"),
                        input.text("role", "STANDARD"),
                        finance.isBlank() ? null : finance);
            case "POST /business_centers/*/invitations":
                return Map.of(
                        "invite_link",
                        simulator.createInvitation(
                                path.get(1), input.required("email"), input.text("role", "STANDARD")));
            case "POST /business_centers/*/invitations/*/accept":
                return simulator.acceptInvitation(path.get(1), path.get(3));
            case "POST /business_centers/*/invitations/*/reject":
                return simulator.rejectInvitation(path.get(1), path.get(3));
            case "GET /business_centers/*/assets":
                return simulator.assets(path.get(1));
            case "POST /business_centers/*/assets":
                return simulator.seedAsset(
                        path.get(1),
                        AssetType.valueOf(input.required("type").toUpperCase(Locale.ROOT)),
                        input.required("name"));
            case "GET /assets/*/assignments":
                return simulator.assignments(path.get(1));
            case "POST /assets/*/assignments":
                simulator.assign(path.get(1), input.required("user_id"), input.list("roles"));
                return simulator.assignments(path.get(1));
            case "POST /tokens":
                return Map.of(
                        "access_token",
                        input.flag("expired")
                                ? simulator.expiredAccessToken(input.required("email"), input.required("app_id"))
                                : simulator.accessToken(input.required("email"), input.required("app_id")));
            case "POST /codes":
                return Map.of(
                        "auth_code",
                        simulator.authorizationCode(
                                input.required("email"),
                                input.required("app_id"),
                                URI.create(input.required("redirect_uri"))));
            case "GET /clock":
                return clock();
            case "POST /clock":
                simulator.advanceClock(Duration.ofSeconds(Long.parseLong(input.required("advance_seconds"))));
                return clock();
            case "GET /faults":
                return simulator.pendingFaults();
            case "POST /faults":
                simulator.injectFault(
                        input.text("method", "*"),
                        input.text("path", "/**"),
                        fault(input),
                        Integer.parseInt(input.text("times", "1")));
                return simulator.pendingFaults();
            case "DELETE /faults":
                simulator.clearFaults();
                return Map.of("success", true);
            case "POST /page_size":
                simulator.forcePageSize(Integer.parseInt(input.text("size", "0")));
                return Map.of("success", true);
            case "GET /requests":
                return simulator.requestLog();
            case "GET /state":
                return state();
            default:
                return failure(404, "no control route " + route + "; GET /__sim/ lists them");
        }
    }

    private static Fault fault(ControlInput input) {
        String kind = input.required("kind").toUpperCase(Locale.ROOT);
        int status = Integer.parseInt(input.text("status", "0"));
        int code = Integer.parseInt(input.text("code", "0"));
        Duration duration = Duration.ofMillis((long) (Double.parseDouble(input.text("seconds", "0")) * 1000));
        return new Fault(Fault.Kind.valueOf(kind), status, code, 0, duration);
    }

    private Map<String, Object> clock() {
        return Map.of(
                "now",
                simulator.clock().instant().toString(),
                "offset",
                simulator.clock().offset().toString());
    }

    private Map<String, Object> state() {
        List<Map<String, Object>> centers = new ArrayList<>();
        for (BusinessCenter center : simulator.businessCenters()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("business_center", center);
            entry.put("members", simulator.members(center.bcId()));
            List<Map<String, Object>> assets = new ArrayList<>();
            for (BcAsset asset : simulator.assets(center.bcId())) {
                assets.add(Map.of("asset", asset, "assignments", simulator.assignments(asset.assetId())));
            }
            entry.put("assets", assets);
            centers.add(entry);
        }
        return Map.of("now", simulator.clock().instant().toString(), "business_centers", centers);
    }

    /** Ids and addresses in paths become {@code *} so that routes can be matched by shape. */
    private static String shape(String segment) {
        return segment.matches("\\d+") || segment.contains("@") ? "*" : segment;
    }

    private static Reply failure(int status, String message) {
        return Reply.json(status, OpenApi.JSON.writeValueAsString(Map.of("error", message)));
    }

    private static final List<String> ROUTES = List.of(
            "POST /__sim/reset",
            "POST /__sim/apps {app_id, secret, name, redirect_uris[]}",
            "GET|POST /__sim/business_centers {name}",
            "GET|POST /__sim/accounts {email, name, password}",
            "GET|POST /__sim/business_centers/{bc_id}/members {email, role, finance_role}",
            "POST /__sim/business_centers/{bc_id}/invitations {email, role}",
            "POST /__sim/business_centers/{bc_id}/invitations/{email}/accept|reject",
            "GET|POST /__sim/business_centers/{bc_id}/assets {type, name}",
            "GET|POST /__sim/assets/{asset_id}/assignments {user_id, roles[]}",
            "POST /__sim/tokens {email, app_id, expired}",
            "POST /__sim/codes {email, app_id, redirect_uri}",
            "GET|POST /__sim/clock {advance_seconds}",
            "GET|POST|DELETE /__sim/faults {method, path, kind, status, code, seconds, times}",
            "POST /__sim/page_size {size}",
            "GET /__sim/requests",
            "GET /__sim/state");
}
