package io.hubwarden.simulator.meta;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The nodes and edges of Graph's business management API (HUB-APIS.md §1.7), for one request. Visibility follows
 * Meta: a node the caller has no seat for reads as not existing (100/33); business calls need the
 * {@code business_management} permission (200); changes need Full control (10).
 */
final class GraphRoutes {

    private static final Map<String, Boolean> OWNED_EDGES = Map.of("owned", true, "client", false);

    private final MetaWorld world;
    private final GraphNodes nodes;
    private final MetaSimulator.Options options;
    private final int forcedPageSize;
    private final URI pageOrigin;

    /** Routes for one request; invitation links point at {@code pageOrigin}, the simulator's HTTP origin. */
    GraphRoutes(MetaWorld world, GraphNodes nodes, MetaSimulator.Options options, int forcedPageSize, URI pageOrigin) {
        this.world = world;
        this.pageOrigin = pageOrigin;
        this.nodes = nodes;
        this.options = options;
        this.forcedPageSize = forcedPageSize;
    }

    Object route(GraphCall call, List<String> segments) {
        String id = segments.get(0);
        if (segments.size() > 2) {
            throw GraphFailure.unknownPath(String.join("/", segments.subList(2, segments.size())));
        }
        String edge = segments.size() == 2 ? segments.get(1) : null;
        if (id.equals("me")) {
            return me(call, edge);
        }
        Business business = world.businesses.get(id);
        if (business != null) {
            return business(call, business, edge);
        }
        BusinessUser user = world.businessUsers.get(id);
        if (user != null) {
            return businessUser(call, user, edge);
        }
        RoleRequest request = world.roleRequests.get(id);
        if (request != null) {
            return roleRequest(call, world.current(request), edge);
        }
        SystemUser system = world.systemUsers.get(id);
        if (system != null) {
            return systemUser(call, system, edge);
        }
        Asset asset = world.assets.get(id);
        if (asset != null) {
            return asset(call, asset, edge);
        }
        throw GraphFailure.unsupported(call.method(), id);
    }

    // ---------------------------------------------------------------- /me

    private Object me(GraphCall call, @Nullable String edge) {
        Caller caller = call.caller();
        FacebookPerson person = caller.person();
        SystemUser system = caller.systemUser();
        if (person == null && system == null) {
            throw GraphFailure.noCurrentUser();
        }
        if (edge == null) {
            requireGet(call, "me");
            GraphNode me = person != null
                    ? nodes.me(person, caller.app().id(), caller.token().scopes())
                    : nodes.meAsSystemUser(Objects.requireNonNull(system));
            return me.render(call.selection());
        }
        switch (edge) {
            case "businesses":
                requireGet(call, "me");
                requireScope(caller, "business_management");
                List<Business> businesses = new ArrayList<>();
                if (person != null) {
                    world.seatsOfPerson(person.id())
                            .forEach(seat -> businesses.add(world.requireBusiness(seat.businessId())));
                } else if (system != null) {
                    businesses.add(world.requireBusiness(system.businessId()));
                }
                return page(call, businesses, Business::id, nodes::business);
            case "business_users":
                requireGet(call, "me");
                requireScope(caller, "business_management");
                List<BusinessUser> seats = person == null ? List.of() : world.seatsOfPerson(person.id());
                return page(call, seats, BusinessUser::id, nodes::businessUser);
            case "permissions":
                return permissions(call, person);
            default:
                if (edge.startsWith("permissions")) {
                    return permissions(call, person);
                }
                throw call.method().equals("GET")
                        ? GraphFailure.nonexistingField(edge, "User")
                        : GraphFailure.unsupported(call.method(), "me");
        }
    }

    private Object permissions(GraphCall call, @Nullable FacebookPerson person) {
        Caller caller = call.caller();
        String single = call.request().path().replaceAll("^.*/permissions/?", "");
        if (call.method().equals("DELETE")) {
            if (person != null) {
                world.revokeGrant(person.id(), caller.app().id(), single.isEmpty() ? call.param("permission") : single);
            }
            return Map.of("success", true);
        }
        requireGet(call, "me");
        List<String> granted = new ArrayList<>(List.of("public_profile"));
        (person == null
                        ? caller.token().scopes()
                        : world.grantedScopes(person.id(), caller.app().id()))
                .stream()
                        .sorted()
                        .filter(scope -> !scope.equals("public_profile"))
                        .forEach(granted::add);
        List<Map<String, Object>> data = new ArrayList<>();
        for (String scope : granted) {
            data.add(Map.of("permission", scope, "status", "granted"));
        }
        return Map.of("data", data);
    }

    // ---------------------------------------------------------------- business

    private Object business(GraphCall call, Business business, @Nullable String edge) {
        String role = visibleRole(call, business.id(), business.id());
        if (edge == null) {
            requireGet(call, business.id());
            return nodes.business(business).render(call.selection());
        }
        switch (edge) {
            case "business_users":
                if (call.method().equals("POST")) {
                    requireAdmin(role);
                    return invite(call, business);
                }
                requireGet(call, business.id());
                return page(call, world.businessUsersOf(business.id()), BusinessUser::id, nodes::businessUser);
            case "pending_users":
                requireGet(call, business.id());
                String email = call.param("email");
                List<RoleRequest> requests = email == null || email.isBlank()
                        ? world.roleRequestsOf(business.id())
                        : world.roleRequestsFor(business.id(), email);
                return page(call, requests, RoleRequest::id, nodes::roleRequest);
            case "system_users":
                if (call.method().equals("POST")) {
                    requireAdmin(role);
                    String name = call.required("name");
                    String systemRole = call.param("role");
                    if (systemRole != null && !TaskRules.BUSINESS_ROLES.contains(systemRole)) {
                        throw GraphFailure.invalidParameter("Param role must be one of " + TaskRules.BUSINESS_ROLES);
                    }
                    return Map.of(
                            "id",
                            world.addSystemUser(business.id(), name, systemRole == null ? "EMPLOYEE" : systemRole)
                                    .id());
                }
                requireGet(call, business.id());
                return page(call, world.systemUsersOf(business.id()), SystemUser::id, nodes::systemUser);
            default:
                return businessAssets(call, business, edge);
        }
    }

    private Object businessAssets(GraphCall call, Business business, String edge) {
        AssetType type = null;
        boolean owned = true;
        if (edge.equals("adspixels")) {
            type = AssetType.PIXEL;
        } else if (edge.equals("instagram_accounts")) {
            type = AssetType.INSTAGRAM_ACCOUNT;
        } else {
            int underscore = edge.indexOf('_');
            Boolean ownership = underscore < 0 ? null : OWNED_EDGES.get(edge.substring(0, underscore));
            if (ownership != null) {
                for (AssetType candidate : AssetType.values()) {
                    if (candidate.edgeSuffix().equals(edge.substring(underscore + 1))) {
                        type = candidate;
                        owned = ownership;
                    }
                }
            }
        }
        if (type == null || (!owned && type == AssetType.INSTAGRAM_ACCOUNT)) {
            throw call.method().equals("GET")
                    ? GraphFailure.nonexistingField(edge, "Business")
                    : GraphFailure.unsupported(call.method(), business.id());
        }
        requireGet(call, business.id());
        List<Asset> assets = world.assetsOf(business.id(), type, owned);
        String search = call.param("search_query");
        if (search != null && !search.isBlank()) {
            String needle = search.strip().toLowerCase(Locale.ROOT);
            assets = assets.stream()
                    .filter(asset -> asset.name().toLowerCase(Locale.ROOT).contains(needle)
                            || asset.id().contains(needle))
                    .toList();
        }
        return page(call, assets, Asset::id, nodes::asset);
    }

    /**
     * Invites by e-mail. An address that already has a pending invitation gets that invitation's id back and no
     * second mail (Meta's behaviour here is undocumented; this is an inference). An expired or declined invitation
     * is replaced by a new one. An address that already holds a seat is refused.
     */
    private Object invite(GraphCall call, Business business) {
        String email = call.required("email");
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw GraphFailure.invalidParameter("Param email must be a valid email address");
        }
        String role =
                call.param("role") == null ? "EMPLOYEE" : call.required("role").toUpperCase(Locale.ROOT);
        List<String> tasks = call.list("tasks");
        List<String> extra = tasks == null ? List.of() : tasks;
        checkBusinessRoles(role, extra);
        if (world.businessUserWithEmail(business.id(), email).isPresent()) {
            throw GraphFailure.invalidParameter(email + " is already a member of this business");
        }
        Optional<RoleRequest> open = world.openRequestFor(business.id(), email);
        if (open.isPresent()) {
            if (open.get().status() == RoleRequest.Status.PENDING) {
                return Map.of("id", open.get().id());
            }
            world.removeRoleRequest(open.get().id());
        }
        Caller caller = call.caller();
        String inviterId = inviterId(caller, business.id());
        RoleRequest request = world.addRoleRequest(
                business.id(), email, role, extra, inviterId, options.invitationLifetime(), pageOrigin);
        call.letters().add(InvitationMail.letter(request, business.name(), inviterName(caller)));
        return Map.of("id", request.id());
    }

    private @Nullable String inviterId(Caller caller, String businessId) {
        FacebookPerson person = caller.person();
        if (person != null) {
            return world.seatOf(person.id(), businessId).map(BusinessUser::id).orElse(null);
        }
        SystemUser system = caller.systemUser();
        return system == null ? null : system.id();
    }

    private static String inviterName(Caller caller) {
        FacebookPerson person = caller.person();
        if (person != null) {
            return person.name();
        }
        SystemUser system = caller.systemUser();
        return system == null ? caller.app().name() : system.name();
    }

    // ---------------------------------------------------------------- people and invitations

    private Object businessUser(GraphCall call, BusinessUser user, @Nullable String edge) {
        String role = visibleRole(call, user.businessId(), user.id());
        if (edge != null) {
            return assignedAssets(call, user.id(), edge, "BusinessUser");
        }
        switch (call.method()) {
            case "GET":
                return nodes.businessUser(user).render(call.selection());
            case "POST":
                requireAdmin(role);
                String newRole = call.param("role") == null
                        ? null
                        : call.required("role").toUpperCase(Locale.ROOT);
                List<String> tasks = call.list("tasks");
                checkBusinessRoles(newRole == null ? user.role() : newRole, tasks == null ? List.of() : tasks);
                if (newRole != null
                        && user.role().equals("ADMIN")
                        && !MetaWorld.baseRole(newRole).equals("ADMIN")) {
                    requireAnotherAdmin(user);
                }
                world.changeRole(user, newRole, tasks);
                return Map.of("success", true);
            case "DELETE":
                requireAdmin(role);
                if (user.role().equals("ADMIN")) {
                    requireAnotherAdmin(user);
                }
                world.removeBusinessUser(user.id());
                return Map.of("success", true);
            default:
                throw GraphFailure.unsupported(call.method(), user.id());
        }
    }

    private void requireAnotherAdmin(BusinessUser user) {
        boolean another = world.businessUsersOf(user.businessId()).stream()
                .anyMatch(other -> !other.id().equals(user.id()) && other.role().equals("ADMIN"));
        if (!another) {
            throw GraphFailure.invalidParameter("A business must keep at least one person with full control");
        }
    }

    private Object roleRequest(GraphCall call, RoleRequest request, @Nullable String edge) {
        String role = visibleRole(call, request.businessId(), request.id());
        if (edge != null) {
            throw call.method().equals("GET")
                    ? GraphFailure.nonexistingField(edge, "BusinessRoleRequest")
                    : GraphFailure.unsupported(call.method(), request.id());
        }
        switch (call.method()) {
            case "GET":
                return nodes.roleRequest(request).render(call.selection());
            case "POST":
                requireAdmin(role);
                String newRole = call.param("role") == null
                        ? null
                        : call.required("role").toUpperCase(Locale.ROOT);
                List<String> tasks = call.list("tasks");
                checkBusinessRoles(newRole == null ? request.role() : newRole, tasks == null ? List.of() : tasks);
                world.changeRequestRole(request, newRole, tasks);
                return Map.of("success", true);
            case "DELETE":
                requireAdmin(role);
                world.removeRoleRequest(request.id());
                return Map.of("success", true);
            default:
                throw GraphFailure.unsupported(call.method(), request.id());
        }
    }

    private Object systemUser(GraphCall call, SystemUser system, @Nullable String edge) {
        visibleRole(call, system.businessId(), system.id());
        if (edge != null) {
            return assignedAssets(call, system.id(), edge, "SystemUser");
        }
        requireGet(call, system.id());
        return nodes.systemUser(system).render(call.selection());
    }

    private Object assignedAssets(GraphCall call, String userId, String edge, String nodeType) {
        if (edge.equals("assigned_business_asset_groups")) {
            requireGet(call, userId);
            return page(call, List.<Asset>of(), Asset::id, nodes::asset);
        }
        AssetType type = null;
        for (AssetType candidate : TaskRules.assignable()) {
            if (edge.equals("assigned_" + candidate.edgeSuffix())) {
                type = candidate;
            }
        }
        if (type == null) {
            throw call.method().equals("GET")
                    ? GraphFailure.nonexistingField(edge, nodeType)
                    : GraphFailure.unsupported(call.method(), userId);
        }
        requireGet(call, userId);
        List<String> only = type == AssetType.PAGE ? call.list("pages") : null;
        List<Assignment> held = world.assignmentsOfUser(userId, type).stream()
                .filter(assignment -> only == null || only.contains(assignment.assetId()))
                .toList();
        Function<Assignment, Map<String, Object>> render = assignment -> {
            Asset asset = world.assets.get(assignment.assetId());
            GraphNode node = nodes.assignedAsset(Objects.requireNonNull(asset), assignment.tasks());
            return node.render(call.selection());
        };
        return Paging.page(held, Assignment::assetId, render, call.request(), call.token(), forcedPageSize);
    }

    // ---------------------------------------------------------------- assets

    private Object asset(GraphCall call, Asset asset, @Nullable String edge) {
        String role = null;
        for (String businessId : reach(asset)) {
            String found = roleIn(call.caller(), businessId);
            if (found != null && (role == null || found.equals("ADMIN"))) {
                role = found;
            }
        }
        if (role == null) {
            throw GraphFailure.unsupported(call.method(), asset.id());
        }
        requireScope(call.caller(), "business_management");
        if (edge == null) {
            requireGet(call, asset.id());
            return nodes.asset(asset).render(call.selection());
        }
        if (!edge.equals("assigned_users") || asset.type() == AssetType.INSTAGRAM_ACCOUNT) {
            throw call.method().equals("GET")
                    ? GraphFailure.nonexistingField(edge, asset.type().graphType())
                    : GraphFailure.unsupported(call.method(), asset.id());
        }
        switch (call.method()) {
            case "GET":
                String businessId = call.required("business");
                if (!asset.reachableFrom(businessId) || roleIn(call.caller(), businessId) == null) {
                    throw GraphFailure.invalidParameter(
                            "Param business must be a business that can access " + asset.id());
                }
                List<Assignment> assignments = world.assignmentsOf(asset.id()).stream()
                        .filter(assignment -> world.businessOfUser(assignment.userId())
                                .map(businessId::equals)
                                .orElse(false))
                        .toList();
                return page(call, assignments, Assignment::userId, assignment -> nodes.assignedUser(asset, assignment));
            case "POST":
                String userId = call.required("user");
                String userBusiness = userBusiness(userId, asset);
                requireAdmin(roleIn(call.caller(), userBusiness));
                List<String> tasks = call.list("tasks");
                List<String> asked = tasks == null ? List.of() : tasks;
                Optional<TaskRules.Problem> problem = TaskRules.problem(asset.type(), asked);
                if (problem.isPresent()) {
                    throw problem.get().combination()
                            ? GraphFailure.taskCombination(problem.get().message())
                            : GraphFailure.invalidParameter(problem.get().message());
                }
                world.assign(asset, userId, asked.isEmpty() ? TaskRules.defaults(asset.type()) : asked);
                return Map.of("success", true);
            case "DELETE":
                if (asset.type() == AssetType.PIXEL) {
                    throw GraphFailure.unsupported(call.method(), asset.id());
                }
                String removed = call.required("user");
                requireAdmin(roleIn(call.caller(), userBusiness(removed, asset)));
                world.unassign(asset, removed);
                return Map.of("success", true);
            default:
                throw GraphFailure.unsupported(call.method(), asset.id());
        }
    }

    private String userBusiness(String userId, Asset asset) {
        String businessId = world.businessOfUser(userId)
                .orElseThrow(() ->
                        GraphFailure.invalidParameter("Param user must be the id of a business user or system user"));
        if (!asset.reachableFrom(businessId)) {
            throw GraphFailure.invalidParameter("The user's business has no access to " + asset.id());
        }
        return businessId;
    }

    private static List<String> reach(Asset asset) {
        List<String> businesses = new ArrayList<>();
        businesses.add(asset.ownerBusinessId());
        businesses.addAll(asset.clientBusinessIds());
        return businesses;
    }

    // ---------------------------------------------------------------- checks and paging

    /** The caller's role in the business; a caller without one sees the node as not existing. */
    private String visibleRole(GraphCall call, String businessId, String nodeId) {
        String role = roleIn(call.caller(), businessId);
        if (role == null) {
            throw GraphFailure.unsupported(call.method(), nodeId);
        }
        requireScope(call.caller(), "business_management");
        return role;
    }

    private @Nullable String roleIn(Caller caller, String businessId) {
        FacebookPerson person = caller.person();
        if (person != null) {
            return world.seatOf(person.id(), businessId).map(BusinessUser::role).orElse(null);
        }
        SystemUser system = caller.systemUser();
        return system != null && system.businessId().equals(businessId) ? system.role() : null;
    }

    private static void requireScope(Caller caller, String scope) {
        if (!caller.hasScope(scope)) {
            throw GraphFailure.missingPermission(scope);
        }
    }

    private static void requireAdmin(@Nullable String role) {
        if (!"ADMIN".equals(role)) {
            throw GraphFailure.notAdmin();
        }
    }

    private static void requireGet(GraphCall call, String id) {
        if (!call.method().equals("GET") && !call.method().equals("HEAD")) {
            throw GraphFailure.unsupported(call.method(), id);
        }
    }

    private static void checkBusinessRoles(String role, List<String> tasks) {
        if (!TaskRules.BUSINESS_ROLES.contains(role)) {
            throw GraphFailure.invalidParameter("Param role must be one of {"
                    + String.join(
                            ", ", TaskRules.BUSINESS_ROLES.stream().sorted().toList()) + "} - got \"" + role + "\"");
        }
        for (String task : tasks) {
            if (!TaskRules.BUSINESS_ROLES.contains(task)) {
                throw GraphFailure.invalidParameter("Param tasks[" + tasks.indexOf(task) + "] must be one of {"
                        + String.join(
                                ", ", TaskRules.BUSINESS_ROLES.stream().sorted().toList()) + "} - got \"" + task
                        + "\"");
            }
        }
    }

    private <T> Map<String, Object> page(
            GraphCall call, List<T> items, Function<T, String> idOf, Function<T, GraphNode> node) {
        Map<String, Object> rendered = Paging.page(
                items,
                idOf,
                item -> node.apply(item).render(call.selection()),
                call.request(),
                call.token(),
                forcedPageSize);
        return new LinkedHashMap<>(rendered);
    }
}
