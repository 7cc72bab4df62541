package io.hubwarden.simulator.meta;

import io.hubwarden.simulator.ControlInput;
import io.hubwarden.simulator.Fault;
import io.hubwarden.simulator.IncomingRequest;
import io.hubwarden.simulator.Reply;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;

/**
 * The control API under {@code /__sim/}: the {@link MetaSimulator} Java API over HTTP, for clients in other processes
 * (and for clicking through the demo). Requests carry a JSON object (or form fields); answers are JSON. A refused
 * seed answers 400 {@code {"error": "..."}}, an action the state forbids (accepting an expired invitation) 409. See
 * {@code simulators/README.md} for every route.
 */
final class ControlApi {

    private final MetaSimulator simulator;

    ControlApi(MetaSimulator simulator) {
        this.simulator = simulator;
    }

    Reply answer(IncomingRequest request) {
        List<String> path = GraphApi.segments(request.path());
        path = path.subList(1, path.size());
        ControlInput input;
        try {
            input = ControlInput.of(request);
        } catch (JacksonException malformed) {
            return failure(400, "the body is not a JSON object: " + malformed.getOriginalMessage());
        }
        try {
            Object result = route(request.method(), path, input);
            return result instanceof Reply reply ? reply : Reply.json(200, GraphApi.JSON.writeValueAsString(result));
        } catch (IllegalArgumentException refused) {
            return failure(400, String.valueOf(refused.getMessage()));
        } catch (IllegalStateException forbidden) {
            return failure(409, String.valueOf(forbidden.getMessage()));
        }
    }

    private Object route(String method, List<String> path, ControlInput input) {
        String route = method + " /"
                + String.join("/", path.stream().map(ControlApi::shape).toList());
        switch (route) {
            case "GET /":
                return Map.of("routes", ROUTES);
            case "POST /reset":
                simulator.reset();
                return Map.of("success", true);
            case "POST /apps":
                List<URI> redirects = new ArrayList<>();
                input.list("redirect_uris").forEach(uri -> redirects.add(URI.create(uri)));
                return simulator.seedApp(new MetaApp(
                        input.required("id"),
                        input.required("secret"),
                        input.text("name", "Simulated app"),
                        redirects,
                        input.flag("requires_appsecret_proof")));
            case "GET /businesses":
                return simulator.businesses();
            case "POST /businesses":
                return simulator.seedBusiness(input.required("name"));
            case "POST /people":
                return simulator.seedPerson(
                        input.required("email"),
                        input.text("name", "Simulated Person"),
                        input.text("password", "password"));
            case "GET /people/*/app_scoped_id":
                return Map.of("id", simulator.appScopedId(path.get(1), input.required("app_id")));
            case "GET /businesses/*/users":
                return simulator.businessUsers(path.get(1));
            case "POST /businesses/*/users":
                return simulator.addBusinessUser(
                        path.get(1), input.required("email"), input.text("role", "EMPLOYEE"), input.list("tasks"));
            case "GET /businesses/*/system_users":
                return simulator.systemUsers(path.get(1));
            case "POST /businesses/*/system_users":
                return simulator.seedSystemUser(path.get(1), input.required("name"), input.text("role", "ADMIN"));
            case "GET /businesses/*/invitations":
                return simulator.pendingRequests(path.get(1));
            case "POST /businesses/*/invitations":
                return simulator.createInvitation(
                        path.get(1), input.required("email"), input.text("role", "EMPLOYEE"), input.list("tasks"));
            case "GET /businesses/*/assets":
                return simulator.assets(path.get(1));
            case "POST /businesses/*/assets":
                return simulator.seedAsset(
                        path.get(1),
                        AssetType.valueOf(input.required("type").toUpperCase(Locale.ROOT)),
                        input.required("name"));
            case "POST /assets/*/shares":
                return simulator.shareAsset(path.get(1), input.required("business"));
            case "GET /assets/*/assignments":
                return simulator.assignments(path.get(1));
            case "POST /assets/*/assignments":
                return simulator.assign(path.get(1), input.required("user"), input.list("tasks"));
            case "POST /tokens":
                return Map.of("access_token", token(input));
            case "POST /invitations/*/accept":
                return simulator.acceptInvitation(path.get(1), input.required("email"));
            case "POST /invitations/*/decline":
                return simulator.declineInvitation(path.get(1), input.required("email"));
            case "POST /codes":
                return Map.of(
                        "code",
                        simulator.authorizationCode(
                                input.required("email"),
                                input.required("app_id"),
                                URI.create(input.required("redirect_uri")),
                                new LinkedHashSet<>(input.list("scopes"))));
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

    private String token(ControlInput input) {
        String type = input.text("type", "user");
        Set<String> scopes = new LinkedHashSet<>(input.list("scopes"));
        if (scopes.isEmpty()) {
            scopes.add("business_management");
        }
        switch (type) {
            case "user":
                return simulator.userToken(input.required("email"), input.required("app_id"), scopes);
            case "expired":
                return simulator.expiredUserToken(input.required("email"), input.required("app_id"), scopes);
            case "system_user":
                return simulator.systemUserToken(input.required("system_user_id"), input.required("app_id"), scopes);
            default:
                throw new IllegalArgumentException("type must be user, expired or system_user");
        }
    }

    private static Fault fault(ControlInput input) {
        String kind = input.required("kind").toUpperCase(Locale.ROOT);
        int status = Integer.parseInt(input.text("status", "0"));
        int code = Integer.parseInt(input.text("code", "0"));
        int subcode = Integer.parseInt(input.text("subcode", "0"));
        Duration duration = Duration.ofMillis((long) (Double.parseDouble(input.text("seconds", "0")) * 1000));
        return new Fault(Fault.Kind.valueOf(kind), status, code, subcode, duration);
    }

    private Map<String, Object> clock() {
        return Map.of(
                "now",
                simulator.clock().instant().toString(),
                "offset",
                simulator.clock().offset().toString());
    }

    private Map<String, Object> state() {
        List<Map<String, Object>> businesses = new ArrayList<>();
        for (Business business : simulator.businesses()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("business", business);
            entry.put("users", simulator.businessUsers(business.id()));
            entry.put("system_users", simulator.systemUsers(business.id()));
            entry.put("pending", simulator.pendingRequests(business.id()));
            List<Map<String, Object>> assets = new ArrayList<>();
            for (Asset asset : simulator.assets(business.id())) {
                assets.add(Map.of("asset", asset, "assignments", simulator.assignments(asset.id())));
            }
            entry.put("assets", assets);
            businesses.add(entry);
        }
        return Map.of("now", simulator.clock().instant().toString(), "businesses", businesses);
    }

    /** Ids in paths become {@code *} so that routes can be matched by shape. */
    private static String shape(String segment) {
        return segment.matches("(act_)?\\d+") || segment.contains("@") ? "*" : segment;
    }

    private static Reply failure(int status, String message) {
        return Reply.json(status, GraphApi.JSON.writeValueAsString(Map.of("error", message)));
    }

    private static final List<String> ROUTES = List.of(
            "POST /__sim/reset",
            "POST /__sim/apps {id, secret, name, redirect_uris[], requires_appsecret_proof}",
            "GET|POST /__sim/businesses {name}",
            "POST /__sim/people {email, name, password}",
            "GET /__sim/people/{email}/app_scoped_id?app_id=",
            "GET|POST /__sim/businesses/{id}/users {email, role, tasks[]}",
            "GET|POST /__sim/businesses/{id}/system_users {name, role}",
            "GET|POST /__sim/businesses/{id}/invitations {email, role, tasks[]}",
            "GET|POST /__sim/businesses/{id}/assets {type, name}",
            "POST /__sim/assets/{id}/shares {business}",
            "GET|POST /__sim/assets/{id}/assignments {user, tasks[]}",
            "POST /__sim/tokens {type: user|expired|system_user, email, system_user_id, app_id, scopes[]}",
            "POST /__sim/invitations/{id}/accept|decline {email}",
            "POST /__sim/codes {email, app_id, redirect_uri, scopes[]}",
            "GET|POST /__sim/clock {advance_seconds}",
            "GET|POST|DELETE /__sim/faults {method, path, kind, status, code, subcode, seconds, times}",
            "POST /__sim/page_size {size}",
            "GET /__sim/requests",
            "GET /__sim/state");
}
