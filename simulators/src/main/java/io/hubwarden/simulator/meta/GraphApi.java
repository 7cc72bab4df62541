package io.hubwarden.simulator.meta;

import io.hubwarden.simulator.Fault;
import io.hubwarden.simulator.Faults;
import io.hubwarden.simulator.IncomingRequest;
import io.hubwarden.simulator.Reply;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Graph API: authenticates each request, applies injected faults and rate limits, routes it to the node or edge
 * it names, and renders success or Meta's error envelope. Reads run under the world's read lock, writes under its
 * write lock; invitation mail goes out after the lock is released.
 */
final class GraphApi {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** A Mac keyed with each app secret seen, copied for every proof checked; one per simulated app. */
    private static final Map<String, Mac> KEYED = new ConcurrentHashMap<>();

    private static final String TRACE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";

    private final MetaWorld world;
    private final GraphNodes nodes;
    private final Faults faults;
    private final UsageMeter usage;
    private final InvitationMail mail;
    private final MetaSimulator.Options options;
    private final IntSupplier forcedPageSize;
    private final OAuthEndpoints oauth;
    private final Supplier<URI> pageOrigin;

    GraphApi(
            MetaWorld world,
            Faults faults,
            UsageMeter usage,
            InvitationMail mail,
            MetaSimulator.Options options,
            IntSupplier forcedPageSize,
            Supplier<URI> pageOrigin) {
        this.pageOrigin = pageOrigin;
        this.world = world;
        this.nodes = new GraphNodes(world);
        this.faults = faults;
        this.usage = usage;
        this.mail = mail;
        this.options = options;
        this.forcedPageSize = forcedPageSize;
        this.oauth = new OAuthEndpoints(world);
    }

    /** Answers a Graph request; {@code path} is the request path without its version prefix, e.g. {@code /me}. */
    Reply answer(IncomingRequest request, String path, String version) {
        String trace = traceId();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-fb-trace-id", trace);
        headers.put("facebook-api-version", version);
        try {
            Optional<Reply> faulted = fault(request, path, trace);
            if (faulted.isPresent()) {
                return faulted.get();
            }
            List<String> segments = segments(path);
            if (segments.equals(List.of("oauth", "access_token"))) {
                return ok(world.write(() -> oauth.exchange(request)), headers);
            }
            if (segments.equals(List.of("debug_token"))) {
                return ok(world.read(() -> oauth.debug(request, token(request))), headers);
            }
            if (segments.isEmpty() && request.method().equals("POST") && request.param("batch") != null) {
                return new BatchRequests(this).answer(request, version, headers);
            }
            List<InvitationMail.Letter> letters = new ArrayList<>();
            Supplier<Object> call = () -> route(request, segments, letters, headers);
            Object result = request.method().equals("GET") || request.method().equals("HEAD")
                    ? world.read(call)
                    : world.write(call);
            letters.forEach(mail::send);
            return ok(result, headers);
        } catch (GraphFailure failure) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.putAll(failure.headers);
            return error(failure, trace, all);
        }
    }

    // ---------------------------------------------------------------- authentication, limits, faults

    private Object route(
            IncomingRequest request,
            List<String> segments,
            List<InvitationMail.Letter> letters,
            Map<String, String> headers) {
        Caller caller = authenticate(request);
        String businessKey = segments.isEmpty() ? null : businessKey(segments.get(0));
        UsageMeter.Usage used = usage.count(caller.app().id(), businessKey);
        headers.put("X-App-Usage", used.appHeader());
        if (businessKey != null) {
            headers.put(
                    "X-Business-Use-Case-Usage",
                    used.businessHeader(businessKey, used.businessThrottled() ? used.minutesToRegain() : 0));
        }
        if (used.appThrottled()) {
            throw GraphFailure.throttled(4).withHeaders(headers);
        }
        if (used.businessThrottled()) {
            throw GraphFailure.throttled(80_004).withHeaders(headers);
        }
        if (segments.isEmpty()) {
            throw GraphFailure.unknownPath("/");
        }
        GraphCall call =
                new GraphCall(request, caller, Selection.parse(request.param("fields")), letters, token(request));
        return new GraphRoutes(world, nodes, options, forcedPageSize.getAsInt(), pageOrigin.get())
                .route(call, segments);
    }

    String token(IncomingRequest request) {
        String token = request.param("access_token");
        if (token == null || token.isBlank()) {
            token = request.bearerToken();
        }
        if (token == null || token.isBlank()) {
            throw GraphFailure.missingToken();
        }
        return token.strip();
    }

    private Caller authenticate(IncomingRequest request) {
        String value = token(request);
        AccessToken token = world.token(value).orElseThrow(GraphFailure::invalidToken);
        if (token.expiredAt(world.now())) {
            throw GraphFailure.expiredToken(token.expiresAt(), world.now());
        }
        if (!world.stillGranted(token)) {
            throw GraphFailure.notAuthorized(token.appId());
        }
        MetaApp app = world.apps.get(token.appId());
        if (app == null) {
            throw GraphFailure.invalidToken();
        }
        String proof = request.param("appsecret_proof");
        if (token.kind() != AccessToken.Kind.APP) {
            if (proof != null
                    && !MessageDigest.isEqual(
                            proof.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
                            appsecretProof(app.secret(), value).getBytes(StandardCharsets.US_ASCII))) {
                throw GraphFailure.wrongProof();
            }
            if (proof == null && app.requiresAppsecretProof()) {
                throw GraphFailure.missingProof();
            }
        }
        FacebookPerson person = token.kind() == AccessToken.Kind.USER ? world.people.get(token.subjectId()) : null;
        SystemUser system =
                token.kind() == AccessToken.Kind.SYSTEM_USER ? world.systemUsers.get(token.subjectId()) : null;
        if ((token.kind() == AccessToken.Kind.USER && person == null)
                || (token.kind() == AccessToken.Kind.SYSTEM_USER && system == null)) {
            throw GraphFailure.invalidToken();
        }
        return new Caller(token, app, person, system);
    }

    /**
     * hex(HMAC-SHA256(key = app secret, message = access token)), as the official SDKs compute it. Computed on a copy
     * of a Mac keyed once per app secret, since every request is checked and keying a Mac each time cost more than the
     * HMAC.
     */
    static String appsecretProof(String secret, String token) {
        Mac mac;
        try {
            mac = (Mac) KEYED.computeIfAbsent(secret, GraphApi::keyed).clone();
        } catch (CloneNotSupportedException notCopyable) {
            mac = keyed(secret);
        }
        return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
    }

    private static Mac keyed(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    /** The business object a call's usage counts against: the business, or the ad account. */
    private @Nullable String businessKey(String id) {
        if (world.businesses.containsKey(id)) {
            return id;
        }
        BusinessUser user = world.businessUsers.get(id);
        if (user != null) {
            return user.businessId();
        }
        RoleRequest request = world.roleRequests.get(id);
        if (request != null) {
            return request.businessId();
        }
        SystemUser system = world.systemUsers.get(id);
        if (system != null) {
            return system.businessId();
        }
        Asset asset = world.assets.get(id);
        if (asset != null) {
            return asset.type() == AssetType.AD_ACCOUNT ? asset.id().substring(4) : asset.ownerBusinessId();
        }
        return null;
    }

    private Optional<Reply> fault(IncomingRequest request, String path, String trace) {
        Optional<Fault> taken = faults.take(request.method(), path);
        if (taken.isEmpty()) {
            return Optional.empty();
        }
        Fault fault = taken.get();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-fb-trace-id", trace);
        switch (fault.kind()) {
            case LATENCY:
                try {
                    Thread.sleep(fault.duration().toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                return Optional.empty();
            case SERVER_ERROR:
                int status = fault.httpStatus() == 0 ? 500 : fault.httpStatus();
                return Optional.of(
                        error(GraphFailure.server(status, fault.code() == 0 ? 1 : fault.code()), trace, headers));
            case RATE_LIMITED:
                int code = fault.code() == 0 ? 80_004 : fault.code();
                long minutes = Math.max(1, (fault.duration().toSeconds() + 59) / 60);
                String key = world.read(() -> {
                    List<String> segments = segments(path);
                    String found = segments.isEmpty() ? null : businessKey(segments.get(0));
                    return found == null ? "0" : found;
                });
                headers.put(
                        "X-App-Usage",
                        code == 4
                                ? "{\"call_count\":100,\"total_cputime\":20,\"total_time\":20}"
                                : "{\"call_count\":12,\"total_cputime\":5,\"total_time\":5}");
                headers.put(
                        "X-Business-Use-Case-Usage",
                        "{\"" + key + "\":[{\"type\":\"ads_management\",\"call_count\":100,\"total_cputime\":20,"
                                + "\"total_time\":20,\"estimated_time_to_regain_access\":" + minutes + "}]}");
                return Optional.of(error(GraphFailure.throttled(code), trace, headers));
            case AUTH_EXPIRED:
                GraphFailure expired = fault.code() == 0 || (fault.code() == 190 && fault.subcode() == 0)
                        ? GraphFailure.expiredToken(world.now().minus(Duration.ofHours(1)), world.now())
                        : GraphFailure.oauth(
                                fault.code(),
                                fault.subcode(),
                                "Error validating access token: The session has been invalidated.");
                return Optional.of(error(expired, trace, headers));
            case MALFORMED_BODY:
                return Optional.of(
                        new Reply(200, "application/json; charset=UTF-8", "{\"data\":[{\"id\":\"1", headers));
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- rendering

    static List<String> segments(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }

    private static Reply ok(Object result, Map<String, String> headers) {
        return new Reply(200, "application/json; charset=UTF-8", JSON.writeValueAsString(result), headers);
    }

    static Reply error(GraphFailure failure, String trace, Map<String, String> headers) {
        Map<String, Object> body = Map.of("error", failure.body(trace));
        Reply reply =
                new Reply(failure.status, "application/json; charset=UTF-8", JSON.writeValueAsString(body), headers);
        if (failure.code == 190 || failure.code == 104) {
            reply = reply.withHeader(
                    "WWW-Authenticate",
                    "OAuth \"Facebook Platform\" \"invalid_token\" \""
                            + failure.getMessage().replace("\"", "'") + "\"");
        }
        return reply;
    }

    static String traceId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder trace = new StringBuilder("A");
        for (int i = 0; i < 22; i++) {
            trace.append(TRACE_ALPHABET.charAt(random.nextInt(TRACE_ALPHABET.length())));
        }
        return trace.toString();
    }
}
