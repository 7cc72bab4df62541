package io.hubwarden.simulator.tiktok;

import io.hubwarden.simulator.Fault;
import io.hubwarden.simulator.Faults;
import io.hubwarden.simulator.IncomingRequest;
import io.hubwarden.simulator.Reply;
import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Business API v1.3 under {@code /open_api/v1.3/}: the {@code Access-Token} header, JSON bodies on POST, {@code
 * filtering} as a JSON string, page/page_size paging with {@code page_info}, and every answer in the envelope {@code
 * {code, message, request_id, data}} with HTTP 200, errors included (only injected outages answer 5xx).
 */
final class OpenApi {

    static final String PREFIX = "/open_api/v1.3";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private static final DateTimeFormatter REQUEST_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
    private static final Set<String> USER_ROLES = Set.of("ADMIN", "STANDARD");
    private static final Set<String> FINANCE_ROLES = Set.of("MANAGER", "ANALYST");
    private static final Set<String> RELATION_STATUSES = Set.of("BOUND", "UNBOUND", "PENDING", "REJECTED");
    private static final Set<String> ASSET_TYPES =
            Set.of("ADVERTISER", "CATALOG", "PIXEL", "TT_ACCOUNT", "LEAD", "STOREFRONT", "TIKTOK_SHOP");

    private final TikTokWorld world;
    private final Faults faults;
    private final InvitationMail mail;
    private final TikTokSimulator.Options options;
    private final IntSupplier forcedPageSize;
    private final Supplier<URI> origin;
    private final AtomicLong requests = new AtomicLong();
    private final Map<String, long[]> callsThisMinute = new HashMap<>();

    OpenApi(
            TikTokWorld world,
            Faults faults,
            InvitationMail mail,
            TikTokSimulator.Options options,
            IntSupplier forcedPageSize,
            Supplier<URI> origin) {
        this.world = world;
        this.faults = faults;
        this.mail = mail;
        this.options = options;
        this.forcedPageSize = forcedPageSize;
        this.origin = origin;
    }

    void resetUsage() {
        synchronized (callsThisMinute) {
            callsThisMinute.clear();
        }
    }

    /**
     * Answers one API call.
     *
     * @param endpoint the path after {@link #PREFIX}, without a trailing slash, e.g. {@code /bc/member/get}
     */
    Reply answer(IncomingRequest request, String endpoint) {
        String requestId = requestId();
        Optional<Fault> fault = faults.take(request.method(), endpoint);
        if (fault.isPresent()) {
            Optional<Reply> faulty = suffer(fault.get(), requestId);
            if (faulty.isPresent()) {
                return faulty.get();
            }
        }
        List<InvitationMail.Letter> letters = new ArrayList<>();
        Reply reply;
        try {
            Call call = Call.of(request);
            Object data = route(request.method(), endpoint, call, letters);
            reply = envelope(200, 0, "OK", requestId, data);
        } catch (ApiFailure failure) {
            reply = envelope(200, failure.code(), String.valueOf(failure.getMessage()), requestId, Map.of());
        }
        letters.forEach(mail::send);
        return reply;
    }

    private Object route(String method, String endpoint, Call call, List<InvitationMail.Letter> letters) {
        switch (method + " " + endpoint) {
            case "POST /oauth2/access_token":
                return world.write(() -> accessToken(call));
            case "POST /oauth2/revoke_token":
                return world.write(() -> revokeToken(call));
            default:
                break;
        }
        TikTokWorld.Token token = authenticate(call);
        throttle(call);
        switch (method + " " + endpoint) {
            case "GET /user/info":
                return world.read(() -> userInfo(token));
            case "GET /oauth2/advertiser/get":
                return world.read(() -> advertisers(call, token));
            case "GET /bc/get":
                return world.read(() -> businessCenters(call, token));
            case "GET /bc/member/get":
                return world.read(() -> members(call, token));
            case "POST /bc/member/invite":
                return world.write(() -> invite(call, token, letters));
            case "POST /bc/member/update":
                return world.write(() -> updateMember(call, token));
            case "POST /bc/member/delete":
                return world.write(() -> deleteMember(call, token));
            case "GET /bc/asset/get":
                return world.read(() -> assets(call, token, false));
            case "GET /bc/asset/admin/get":
                return world.read(() -> assets(call, token, true));
            case "POST /bc/asset/assign":
                return world.write(() -> assign(call, token));
            case "POST /bc/asset/unassign":
                return world.write(() -> unassign(call, token));
            case "GET /bc/asset/member/get":
                return world.read(() -> assetMembers(call, token));
            default:
                throw new ApiFailure(40000, "No such API: " + method + " " + PREFIX + endpoint + "/");
        }
    }

    // ---------------------------------------------------------------- OAuth and identity

    private Object accessToken(Call call) {
        TikTokApp app = app(call);
        TikTokWorld.Code code = world.redeem(call.required("auth_code"), app.appId())
                .orElseThrow(() -> new ApiFailure(ApiFailure.AUTH_CODE_INVALID, "auth_code is invalid or expired"));
        String token = world.issueToken(code.coreUserId(), app.appId(), false);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("access_token", token);
        data.put("advertiser_ids", advertiserIds(code.coreUserId()));
        data.put("scope", List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        return data;
    }

    private Object revokeToken(Call call) {
        TikTokApp app = app(call);
        if (!world.revoke(call.required("access_token"), app.appId())) {
            throw new ApiFailure(ApiFailure.TOKEN_INVALID, "Access token is invalid");
        }
        return Map.of();
    }

    private TikTokApp app(Call call) {
        TikTokApp app = world.apps.get(call.required("app_id"));
        if (app == null || !app.secret().equals(call.required("secret"))) {
            throw new ApiFailure(ApiFailure.INVALID_APP, "app_id or secret is invalid");
        }
        return app;
    }

    private Object userInfo(TikTokWorld.Token token) {
        TikTokAccount account = account(token);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("core_user_id", account.coreUserId());
        data.put("display_name", account.displayName());
        data.put("email", masked(account.email()));
        data.put("avatar_url", "");
        data.put("create_time", 1_700_000_000L);
        return data;
    }

    private Object advertisers(Call call, TikTokWorld.Token token) {
        TikTokApp app = app(call);
        if (!app.appId().equals(token.appId())) {
            throw new ApiFailure(ApiFailure.TOKEN_INVALID, "Access token does not belong to this app");
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (String id : advertiserIds(token.coreUserId())) {
            list.add(Map.of(
                    "advertiser_id",
                    id,
                    "advertiser_name",
                    world.requireAsset(id).name()));
        }
        return Map.of("list", list);
    }

    /** Every ad account of the Business Centers the account administers, and those assigned to it elsewhere. */
    private List<String> advertiserIds(String coreUserId) {
        List<String> ids = new ArrayList<>();
        for (BcMember seat : world.seatsOf(coreUserId)) {
            for (BcAsset asset : world.assets.values()) {
                boolean reachable = seat.userRole().equals("ADMIN")
                        || world.assignmentsOf(asset.assetId()).containsKey(coreUserId);
                if (asset.bcId().equals(seat.bcId()) && asset.type() == AssetType.ADVERTISER && reachable) {
                    ids.add(asset.assetId());
                }
            }
        }
        return ids;
    }

    // ---------------------------------------------------------------- Business Centers and members

    private Object businessCenters(Call call, TikTokWorld.Token token) {
        String only = call.optional("bc_id");
        List<Map<String, Object>> items = new ArrayList<>();
        for (BcMember seat : world.seatsOf(token.coreUserId())) {
            if (only != null && !only.equals(seat.bcId())) {
                continue;
            }
            BusinessCenter center = world.requireBusinessCenter(seat.bcId());
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("bc_id", center.bcId());
            info.put("name", center.name());
            info.put("company", center.company());
            info.put("currency", center.currency());
            info.put("registered_area", center.registeredArea());
            info.put("status", "ENABLE");
            info.put("timezone", center.timezone());
            info.put("type", "NORMAL");
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("bc_info", info);
            item.put("user_role", seat.userRole());
            item.put("ext_user_role", finance(seat.financeRole()));
            items.add(item);
        }
        return page(call, items, 50);
    }

    private Object members(Call call, TikTokWorld.Token token) {
        String bcId = seatIn(call, token, false).bcId();
        ObjectNode filtering = call.filtering();
        String keyword = text(filtering, "keyword");
        String role = enumValue(filtering, "user_role", USER_ROLES);
        String status = enumValue(filtering, "relation_status", RELATION_STATUSES);
        List<Map<String, Object>> items = new ArrayList<>();
        for (BcMember row : world.rowsOf(bcId)) {
            boolean matches = (keyword == null || contains(row.userName(), keyword) || contains(row.email(), keyword))
                    && (role == null || row.userRole().equals(role))
                    && (status == null || row.relationStatus().name().equals(status));
            if (matches) {
                items.add(memberRow(row));
            }
        }
        return page(call, items, 50);
    }

    private Object invite(Call call, TikTokWorld.Token token, List<InvitationMail.Letter> letters) {
        BcMember inviter = seatIn(call, token, true);
        String bcId = inviter.bcId();
        List<String> emails = call.list("emails");
        if (emails.isEmpty() || emails.size() > 50) {
            throw ApiFailure.invalid("emails: between 1 and 50 e-mail addresses are required");
        }
        for (String email : emails) {
            if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw ApiFailure.invalid("emails: " + email + " is not a valid e-mail address");
            }
            if (world.memberWithEmail(bcId, email).isPresent()) {
                throw ApiFailure.invalid("emails: " + email + " is already a member of the Business Center");
            }
        }
        String role = oneOf(call.text("user_role", "STANDARD"), USER_ROLES, "user_role");
        AssetType assetType = assetType(call.text("asset_type", "ADVERTISER"));
        List<String> assetIds = call.list("asset_ids");
        String assetRole = null;
        if (!assetIds.isEmpty()) {
            if (assetType.roleField().isEmpty() || assetType == AssetType.TT_ACCOUNT) {
                throw ApiFailure.invalid("asset_type " + assetType + " cannot be pre-assigned with an invitation");
            }
            String fallback = assetType == AssetType.ADVERTISER
                    ? "ANALYST"
                    : assetType.roles().get(0);
            assetRole = oneOf(
                    call.text(assetType.roleField(), fallback), Set.copyOf(assetType.roles()), assetType.roleField());
            for (String assetId : assetIds) {
                BcAsset asset = world.assets.get(assetId);
                if (asset == null || !asset.bcId().equals(bcId) || asset.type() != assetType) {
                    throw ApiFailure.invalid(
                            "asset_ids: " + assetId + " is not a " + assetType + " of the Business Center");
                }
            }
        }
        // TikTok's reference says addresses invited before are ignored, whatever became of their invitation: only
        // deleting the row (bc/member/delete by user_email) lets one be invited again. An address named twice, in
        // any case, is one address.
        Map<String, String> fresh = new LinkedHashMap<>();
        for (String email : emails) {
            if (world.invitation(bcId, email).isEmpty()) {
                fresh.putIfAbsent(TikTokWorld.key(email), email);
            }
        }
        if (world.seatsTaken(bcId, null) + fresh.size() > TikTokWorld.MAX_MEMBERS) {
            throw ApiFailure.invalid("A Business Center has at most " + TikTokWorld.MAX_MEMBERS + " members");
        }
        if (role.equals("ADMIN") && world.seatsTaken(bcId, "ADMIN") + fresh.size() > TikTokWorld.MAX_ADMINS) {
            throw ApiFailure.invalid("A Business Center has at most " + TikTokWorld.MAX_ADMINS + " admins");
        }
        BusinessCenter center = world.requireBusinessCenter(bcId);
        for (String email : fresh.values()) {
            String joinToken = world.addInvitation(
                    bcId,
                    email,
                    role,
                    assetIds.isEmpty() ? null : assetType,
                    assetIds,
                    assetRole,
                    options.invitationLifetime());
            URI link = origin.get().resolve("/bc/invitation/?token=" + joinToken);
            letters.add(InvitationMail.letter(
                    email, center.name(), role, link, world.now().plus(options.invitationLifetime())));
        }
        return Map.of();
    }

    private Object updateMember(Call call, TikTokWorld.Token token) {
        String bcId = seatIn(call, token, true).bcId();
        BcMember member = world.member(bcId, call.required("user_id"))
                .orElseThrow(() -> ApiFailure.notFound("user_id does not exist in the Business Center"));
        String role = oneOf(call.text("user_role", member.userRole()), USER_ROLES, "user_role");
        JsonNode ext = call.node("ext_user_role");
        String finance = member.financeRole();
        if (ext != null && ext.isObject()) {
            finance = enumValue((ObjectNode) ext, "finance_role", FINANCE_ROLES);
        }
        if (member.userRole().equals("ADMIN") && !role.equals("ADMIN") && admins(bcId) == 1) {
            throw ApiFailure.invalid("A Business Center needs at least one admin");
        }
        if (!member.userRole().equals("ADMIN")
                && role.equals("ADMIN")
                && world.seatsTaken(bcId, "ADMIN") >= TikTokWorld.MAX_ADMINS) {
            throw ApiFailure.invalid("A Business Center has at most " + TikTokWorld.MAX_ADMINS + " admins");
        }
        world.changeRole(member, role, finance);
        return Map.of();
    }

    private Object deleteMember(Call call, TikTokWorld.Token token) {
        String bcId = seatIn(call, token, true).bcId();
        String userId = call.optional("user_id");
        String email = call.optional("user_email");
        if (userId == null && email == null) {
            throw ApiFailure.invalid("user_id or user_email is required");
        }
        Optional<BcMember> member =
                userId != null ? world.member(bcId, userId) : world.memberWithEmail(bcId, String.valueOf(email));
        if (member.isPresent()) {
            if (member.get().userRole().equals("ADMIN") && admins(bcId) == 1) {
                throw ApiFailure.invalid("The last admin of a Business Center cannot be removed");
            }
            world.removeMember(member.get());
            return Map.of();
        }
        if (email != null && world.removeInvitation(bcId, email)) {
            return Map.of();
        }
        throw ApiFailure.notFound(
                userId != null
                        ? "user_id does not exist in the Business Center"
                        : "user_email is neither a member nor invited");
    }

    private long admins(String bcId) {
        return world.membersOf(bcId).stream()
                .filter(row -> row.userRole().equals("ADMIN"))
                .count();
    }

    // ---------------------------------------------------------------- assets

    private Object assets(Call call, TikTokWorld.Token token, boolean adminView) {
        BcMember seat = seatIn(call, token, adminView);
        AssetType type = assetType(call.required("asset_type"));
        ObjectNode filtering = call.filtering();
        String keyword = text(filtering, "keyword");
        String userId = adminView ? null : text(filtering, "user_id");
        String userEmail = adminView ? null : text(filtering, "user_email");
        if (userId == null && userEmail != null) {
            userId = world.memberWithEmail(seat.bcId(), userEmail)
                    .map(BcMember::userId)
                    .orElse("");
        }
        if (!adminView && userId == null && !seat.userRole().equals("ADMIN")) {
            userId = seat.userId();
        }
        BusinessCenter center = world.requireBusinessCenter(seat.bcId());
        List<Map<String, Object>> items = new ArrayList<>();
        for (BcAsset asset : world.assets.values()) {
            if (!asset.bcId().equals(seat.bcId())
                    || asset.type() != type
                    || (keyword != null && !contains(asset.name(), keyword))) {
                continue;
            }
            List<String> roles =
                    userId == null ? null : world.assignmentsOf(asset.assetId()).get(userId);
            if (userId != null && roles == null) {
                continue;
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("asset_id", asset.assetId());
            item.put("asset_name", asset.name());
            item.put("asset_type", asset.type().name());
            item.put("owner_bc_name", center.name());
            if (roles != null) {
                putRoles(item, type, roles);
            }
            if (adminView && type == AssetType.ADVERTISER) {
                item.put("advertiser_status", "STATUS_ENABLE");
            }
            if (adminView && type == AssetType.PIXEL) {
                item.put(
                        "pixel_code",
                        "C" + asset.assetId().substring(asset.assetId().length() - 8));
            }
            items.add(item);
        }
        return page(call, items, 50);
    }

    private Object assign(Call call, TikTokWorld.Token token) {
        String bcId = seatIn(call, token, true).bcId();
        BcAsset asset = asset(call, bcId);
        BcMember member = world.member(bcId, call.required("user_id"))
                .orElseThrow(() -> ApiFailure.notFound("user_id does not exist in the Business Center"));
        List<String> roles;
        if (asset.type() == AssetType.PIXEL) {
            throw ApiFailure.invalid("asset_type PIXEL cannot be assigned to members");
        } else if (asset.type() == AssetType.TT_ACCOUNT) {
            roles = call.list("tt_account_roles");
            if (roles.isEmpty()) {
                throw ApiFailure.invalid("tt_account_roles is required");
            }
            for (String role : roles) {
                oneOf(role, Set.copyOf(asset.type().roles()), "tt_account_roles");
            }
        } else {
            String field = asset.type().roleField();
            roles = List.of(oneOf(call.required(field), Set.copyOf(asset.type().roles()), field));
        }
        world.assign(asset, member.userId(), roles);
        return Map.of();
    }

    private Object unassign(Call call, TikTokWorld.Token token) {
        String bcId = seatIn(call, token, true).bcId();
        BcAsset asset = asset(call, bcId);
        BcMember member = world.member(bcId, call.required("user_id"))
                .orElseThrow(() -> ApiFailure.notFound("user_id does not exist in the Business Center"));
        world.unassign(asset, member.userId());
        return Map.of();
    }

    private Object assetMembers(Call call, TikTokWorld.Token token) {
        String bcId = seatIn(call, token, false).bcId();
        paging(call, 20);
        String typeName = oneOf(call.required("asset_type"), Set.of("ADVERTISER", "CATALOG", "LEAD"), "asset_type");
        BcAsset asset = asset(call, bcId);
        if (!asset.type().name().equals(typeName)) {
            throw ApiFailure.notFound("asset_id does not exist in the Business Center");
        }
        String keyword = text(call.filtering(), "keyword");
        List<Map<String, Object>> items = new ArrayList<>();
        world.assignmentsOf(asset.assetId())
                .forEach((userId, roles) -> world.member(bcId, userId)
                        .filter(member -> keyword == null
                                || contains(member.userName(), keyword)
                                || contains(member.email(), keyword))
                        .ifPresent(member -> {
                            Map<String, Object> item = new LinkedHashMap<>();
                            item.put("user_id", member.userId());
                            item.put("user_name", member.userName());
                            item.put("user_email", member.email());
                            putRoles(item, asset.type(), roles);
                            items.add(item);
                        }));
        return page(call, items, 20);
    }

    private BcAsset asset(Call call, String bcId) {
        AssetType type = assetType(call.required("asset_type"));
        BcAsset asset = world.assets.get(call.required("asset_id"));
        if (asset == null || !asset.bcId().equals(bcId) || asset.type() != type) {
            throw ApiFailure.notFound("asset_id does not exist in the Business Center");
        }
        return asset;
    }

    private static void putRoles(Map<String, Object> item, AssetType type, List<String> roles) {
        if (type == AssetType.TT_ACCOUNT) {
            item.put("tt_account_roles", roles);
        } else if (!type.roleField().isEmpty()) {
            item.put(type.roleField(), roles.get(0));
        }
    }

    private static AssetType assetType(String value) {
        oneOf(value, ASSET_TYPES, "asset_type");
        try {
            return AssetType.valueOf(value);
        } catch (IllegalArgumentException unsupported) {
            throw ApiFailure.invalid("asset_type " + value + " is not supported here");
        }
    }

    // ---------------------------------------------------------------- plumbing

    private TikTokWorld.Token authenticate(Call call) {
        String header = call.request.header("Access-Token");
        if (header == null || header.isBlank()) {
            throw new ApiFailure(ApiFailure.TOKEN_EMPTY, "Access token is null, please check the Access-Token header");
        }
        TikTokWorld.Token token = world.read(() -> world.token(header.strip()))
                .filter(found -> !found.revoked())
                .orElseThrow(() -> new ApiFailure(ApiFailure.TOKEN_INVALID, "Access token is incorrect or revoked"));
        if (token.expired()) {
            throw new ApiFailure(ApiFailure.TOKEN_EXPIRED, "Access token has expired");
        }
        return token;
    }

    private void throttle(Call call) {
        String token = String.valueOf(call.request.header("Access-Token")).strip();
        long minute = world.now().getEpochSecond() / 60;
        synchronized (callsThisMinute) {
            long[] usage = callsThisMinute.computeIfAbsent(token, key -> new long[] {minute, 0});
            if (usage[0] != minute) {
                usage[0] = minute;
                usage[1] = 0;
            }
            usage[1]++;
            if (usage[1] > options.callsPerMinute()) {
                throw new ApiFailure(ApiFailure.TOO_FREQUENT, "Too many requests. Please retry in some time.");
            }
        }
    }

    /** The token's row in the Business Center named by {@code bc_id}; writes and the admin views need an Admin. */
    private BcMember seatIn(Call call, TikTokWorld.Token token, boolean adminOnly) {
        String bcId = call.required("bc_id");
        if (!world.businessCenters.containsKey(bcId)) {
            throw ApiFailure.notFound("bc_id does not exist");
        }
        BcMember seat = world.member(bcId, token.coreUserId())
                .orElseThrow(() ->
                        new ApiFailure(ApiFailure.NO_PERMISSION, "No permission to operate Business Center " + bcId));
        if (adminOnly && !seat.userRole().equals("ADMIN")) {
            throw new ApiFailure(ApiFailure.NO_PERMISSION, "Only Business Center admins can do this");
        }
        return seat;
    }

    private TikTokAccount account(TikTokWorld.Token token) {
        TikTokAccount account = world.accounts.get(token.coreUserId());
        if (account == null) {
            throw new ApiFailure(ApiFailure.TOKEN_INVALID, "Access token is incorrect or revoked");
        }
        return account;
    }

    /** Checks {@code page} and {@code page_size} (default 10) against the endpoint's documented cap. */
    private static int[] paging(Call call, int maxPageSize) {
        int page = call.integer("page", 1);
        int size = call.integer("page_size", 10);
        if (page < 1) {
            throw ApiFailure.invalid("page: must be at least 1");
        }
        if (size < 1 || size > maxPageSize) {
            throw ApiFailure.invalid("page_size: must be between 1 and " + maxPageSize);
        }
        return new int[] {page, size};
    }

    private Map<String, Object> page(Call call, List<Map<String, Object>> items, int maxPageSize) {
        int[] paging = paging(call, maxPageSize);
        int page = paging[0];
        int size = paging[1];
        int forced = forcedPageSize.getAsInt();
        if (forced > 0) {
            size = Math.min(size, forced);
        }
        int total = items.size();
        int from = (int) Math.min((long) (page - 1) * size, total);
        int to = Math.min(from + size, total);
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("page", page);
        pageInfo.put("page_size", size);
        pageInfo.put("total_number", total);
        pageInfo.put("total_page", (total + size - 1) / size);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("list", items.subList(from, to));
        data.put("page_info", pageInfo);
        return data;
    }

    private static Map<String, Object> memberRow(BcMember row) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("user_id", row.userId());
        item.put("user_name", row.userName());
        item.put("user_email", row.email());
        item.put("user_role", row.userRole());
        item.put("ext_user_role", finance(row.financeRole()));
        item.put("relation_status", row.relationStatus().name());
        return item;
    }

    private static Map<String, Object> finance(@Nullable String role) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("finance_role", role);
        return ext;
    }

    private Optional<Reply> suffer(Fault fault, String requestId) {
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
                int code = fault.code() == 0 ? ApiFailure.SYSTEM_ERROR : fault.code();
                return Optional.of(envelope(status, code, "Internal service error", requestId, Map.of()));
            case RATE_LIMITED:
                return Optional.of(envelope(
                        200,
                        fault.code() == 0 ? ApiFailure.TOO_FREQUENT : fault.code(),
                        "Too many requests. Please retry in some time.",
                        requestId,
                        Map.of()));
            case AUTH_EXPIRED:
                return Optional.of(envelope(
                        200,
                        fault.code() == 0 ? ApiFailure.TOKEN_EXPIRED : fault.code(),
                        "Access token has expired",
                        requestId,
                        Map.of()));
            case MALFORMED_BODY:
                return Optional.of(Reply.json(200, "{\"code\":0,\"message\":\"OK\",\"data\":{\"list\":[{\"user_"));
            default:
                return Optional.empty();
        }
    }

    private static Reply envelope(int status, int code, String message, String requestId, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        body.put("request_id", requestId);
        body.put("data", data);
        return Reply.json(status, JSON.writeValueAsString(body)).withHeader("X-Tt-Logid", requestId);
    }

    private String requestId() {
        return REQUEST_TIME.format(world.now())
                + String.format(Locale.ROOT, "%018X", requests.incrementAndGet() * 0x9E3779B97F4A7C15L >>> 4);
    }

    private static String masked(String email) {
        int at = email.indexOf('@');
        return at <= 1 ? email : email.charAt(0) + "***" + email.substring(at);
    }

    private static boolean contains(String text, String keyword) {
        return text.toLowerCase(Locale.ROOT).contains(keyword.toLowerCase(Locale.ROOT));
    }

    private static String oneOf(String value, Set<String> allowed, String field) {
        if (!allowed.contains(value)) {
            throw ApiFailure.invalid(field + ": " + value + " is not one of "
                    + allowed.stream().sorted().toList());
        }
        return value;
    }

    private static @Nullable String text(@Nullable ObjectNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() || value.asString().isBlank() ? null : value.asString();
    }

    private static @Nullable String enumValue(@Nullable ObjectNode node, String field, Set<String> allowed) {
        String value = text(node, field);
        return value == null ? null : oneOf(value, allowed, field);
    }

    /** One call's parameters: the JSON body's fields on POST, the query string's on GET. */
    private static final class Call {
        final IncomingRequest request;
        private final ObjectNode body;

        private Call(IncomingRequest request, ObjectNode body) {
            this.request = request;
            this.body = body;
        }

        static Call of(IncomingRequest request) {
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            if (request.method().equals("POST") && !request.body().isBlank()) {
                try {
                    JsonNode parsed = JSON.readTree(request.body());
                    if (!parsed.isObject()) {
                        throw ApiFailure.invalid("The request body must be a JSON object");
                    }
                    body = (ObjectNode) parsed;
                } catch (JacksonException malformed) {
                    throw ApiFailure.invalid("The request body is not valid JSON");
                }
            }
            return new Call(request, body);
        }

        @Nullable
        JsonNode node(String name) {
            JsonNode value = body.get(name);
            if (value != null && !value.isNull()) {
                return value;
            }
            String param = request.param(name);
            return param == null ? null : JsonNodeFactory.instance.stringNode(param);
        }

        @Nullable
        String optional(String name) {
            JsonNode value = node(name);
            if (value == null || value.isContainer()) {
                return null;
            }
            String text = value.asString();
            return text.isBlank() ? null : text.strip();
        }

        String text(String name, String absent) {
            String value = optional(name);
            return value == null ? absent : value;
        }

        String required(String name) {
            String value = optional(name);
            if (value == null) {
                throw ApiFailure.invalid(name + ": is required");
            }
            return value;
        }

        int integer(String name, int absent) {
            String value = optional(name);
            try {
                return value == null ? absent : Integer.parseInt(value);
            } catch (NumberFormatException notANumber) {
                throw ApiFailure.invalid(name + ": must be an integer");
            }
        }

        /** A list: a JSON array in the body, or a JSON array string in the query. */
        List<String> list(String name) {
            JsonNode value = node(name);
            if (value == null) {
                return List.of();
            }
            if (value.isString()) {
                try {
                    value = JSON.readTree(value.asString());
                } catch (JacksonException malformed) {
                    throw ApiFailure.invalid(name + ": must be a JSON array");
                }
            }
            if (!value.isArray()) {
                throw ApiFailure.invalid(name + ": must be an array");
            }
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(item.asString().strip()));
            return items;
        }

        /** {@code filtering}: a JSON object, sent as a JSON string in the query. */
        @Nullable
        ObjectNode filtering() {
            JsonNode value = node("filtering");
            if (value == null) {
                return null;
            }
            if (value.isString()) {
                try {
                    value = JSON.readTree(value.asString());
                } catch (JacksonException malformed) {
                    throw ApiFailure.invalid("filtering: must be a JSON object");
                }
            }
            if (!value.isObject()) {
                throw ApiFailure.invalid("filtering: must be a JSON object");
            }
            return (ObjectNode) value;
        }
    }
}
