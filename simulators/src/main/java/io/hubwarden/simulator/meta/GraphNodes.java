package io.hubwarden.simulator.meta;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * How each simulated object looks as a Graph node: field names from Meta's specs, datetimes as
 * {@code 2026-11-01T10:00:00+0000}, and {@code id,name} (or the nearest) as default fields. Reads the world; callers
 * hold its lock.
 */
final class GraphNodes {

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ").withZone(ZoneOffset.UTC);
    private static final List<String> ID_NAME = List.of("id", "name");

    private final MetaWorld world;

    GraphNodes(MetaWorld world) {
        this.world = world;
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    GraphNode business(Business business) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("id", business.id());
        fields.put("name", business.name());
        fields.put("created_time", GraphNode.later(() -> time(business.createdTime())));
        fields.put("updated_time", GraphNode.later(() -> time(business.createdTime())));
        fields.put("verification_status", "not_verified");
        fields.put("timezone_id", 1);
        fields.put("two_factor_type", "none");
        fields.put("primary_page", null);
        fields.put("link", "https://business.facebook.com/settings/info?business_id=" + business.id());
        fields.put("is_hidden", false);
        fields.put("vertical", "ADVERTISING");
        fields.put("created_by", null);
        fields.put("profile_picture_uri", null);
        return new GraphNode("Business", fields, ID_NAME);
    }

    GraphNode businessRef(String businessId) {
        Business business = world.businesses.get(businessId);
        return business == null
                ? new GraphNode("Business", Map.of("id", businessId), List.of("id"))
                : business(business);
    }

    GraphNode businessUser(BusinessUser user) {
        String[] names = user.name().split(" ", 2);
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("id", user.id());
        fields.put("name", user.name());
        fields.put("email", user.email());
        fields.put("first_name", names[0]);
        fields.put("last_name", names.length > 1 ? names[1] : "");
        fields.put("title", null);
        fields.put("role", user.role());
        fields.put("tasks", user.tasks());
        fields.put("business", GraphNode.later(() -> businessRef(user.businessId())));
        fields.put("business_role_request", null);
        fields.put("finance_permission", financePermission(user.tasks()));
        fields.put("ip_permission", null);
        fields.put("pending_email", null);
        fields.put("marked_for_removal", false);
        fields.put("two_fac_status", "none");
        fields.put("created_time", GraphNode.later(() -> time(user.createdTime())));
        return new GraphNode("BusinessUser", fields, ID_NAME);
    }

    GraphNode systemUser(SystemUser user) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("id", user.id());
        fields.put("name", user.name());
        fields.put("role", user.role());
        fields.put("created_by", null);
        fields.put("created_time", GraphNode.later(() -> time(user.createdTime())));
        fields.put("finance_permission", null);
        fields.put("ip_permission", null);
        return new GraphNode("SystemUser", fields, ID_NAME);
    }

    GraphNode roleRequest(RoleRequest request) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("id", request.id());
        fields.put("email", request.email());
        fields.put("role", request.role());
        fields.put("tasks", request.tasks());
        fields.put("status", request.status().name());
        fields.put("created_time", GraphNode.later(() -> time(request.createdTime())));
        fields.put("updated_time", GraphNode.later(() -> time(request.updatedTime())));
        fields.put("expiration_time", GraphNode.later(() -> time(request.expirationTime())));
        fields.put("expiry_time", GraphNode.later(() -> time(request.expirationTime())));
        fields.put("invite_link", request.inviteLink().toString());
        fields.put("invited_user_type", List.of("FB"));
        fields.put("created_by", GraphNode.later(() -> actor(request.createdById())));
        fields.put("updated_by", GraphNode.later(() -> actor(request.createdById())));
        fields.put("finance_role", financePermission(request.tasks()));
        fields.put("ip_role", null);
        fields.put("owner", GraphNode.later(() -> businessRef(request.businessId())));
        return new GraphNode("BusinessRoleRequest", fields, List.of("id", "email"));
    }

    GraphNode asset(Asset asset) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("id", asset.id());
        fields.put("name", asset.name());
        switch (asset.type()) {
            case AD_ACCOUNT:
                fields.put("account_id", asset.id().substring("act_".length()));
                fields.put("account_status", 1);
                fields.put("currency", "EUR");
                fields.put("timezone_name", "Europe/Berlin");
                fields.put("business", GraphNode.later(() -> businessRef(asset.ownerBusinessId())));
                fields.put("owner_business", GraphNode.later(() -> businessRef(asset.ownerBusinessId())));
                break;
            case PAGE:
                fields.put(
                        "username", asset.name().replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT));
                fields.put("category", "Brand");
                fields.put("link", "https://www.facebook.com/" + asset.id());
                fields.put("business", GraphNode.later(() -> businessRef(asset.ownerBusinessId())));
                break;
            case PRODUCT_CATALOG:
                fields.put("business", GraphNode.later(() -> businessRef(asset.ownerBusinessId())));
                fields.put("product_count", 0);
                fields.put("vertical", "commerce");
                break;
            case PIXEL:
                fields.put("owner_business", GraphNode.later(() -> businessRef(asset.ownerBusinessId())));
                fields.put("creation_time", null);
                fields.put("is_unavailable", false);
                fields.put("last_fired_time", null);
                break;
            case INSTAGRAM_ACCOUNT:
                fields.put(
                        "username",
                        asset.name().replaceAll("[^A-Za-z0-9_.]", "").toLowerCase(Locale.ROOT));
                break;
        }
        fields.put("tasks", null);
        fields.put("permitted_tasks", null);
        return new GraphNode(asset.type().graphType(), fields, ID_NAME);
    }

    /** An asset as one person's assigned asset: with their tasks. */
    GraphNode assignedAsset(Asset asset, List<String> tasks) {
        return asset(asset)
                .with("tasks", tasks)
                .with("permitted_tasks", GraphNode.later(() -> TaskRules.permitted(asset.type(), tasks)));
    }

    /** A person (or system user) on an asset's {@code assigned_users} edge. */
    GraphNode assignedUser(Asset asset, Assignment assignment) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        BusinessUser user = world.businessUsers.get(assignment.userId());
        SystemUser system = world.systemUsers.get(assignment.userId());
        fields.put("id", assignment.userId());
        fields.put("name", user != null ? user.name() : system != null ? system.name() : "");
        fields.put("user_type", system != null ? "SYSTEM_USER" : "BUSINESS_USER");
        String businessId = user != null ? user.businessId() : system != null ? system.businessId() : null;
        fields.put("business", businessId == null ? null : GraphNode.later(() -> businessRef(businessId)));
        fields.put("tasks", assignment.tasks());
        fields.put("permitted_tasks", GraphNode.later(() -> TaskRules.permitted(asset.type(), assignment.tasks())));
        return new GraphNode("AssignedUser", fields, ID_NAME);
    }

    /** {@code /me} for a person as this app sees them; {@code email} needs the email permission. */
    GraphNode me(FacebookPerson person, String appId, Set<String> scopes) {
        String[] names = person.name().split(" ", 2);
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("id", world.appScopedId(person.id(), appId));
        fields.put("name", person.name());
        fields.put("first_name", names[0]);
        fields.put("last_name", names.length > 1 ? names[1] : "");
        fields.put("short_name", names[0]);
        fields.put("email", scopes.contains("email") ? person.email() : null);
        return new GraphNode("User", fields, ID_NAME);
    }

    GraphNode meAsSystemUser(SystemUser user) {
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        fields.put("id", user.id());
        fields.put("name", user.name());
        fields.put("first_name", user.name());
        fields.put("last_name", "");
        fields.put("short_name", user.name());
        fields.put("email", null);
        return new GraphNode("User", fields, ID_NAME);
    }

    private @Nullable GraphNode actor(@Nullable String id) {
        if (id == null) {
            return null;
        }
        BusinessUser user = world.businessUsers.get(id);
        if (user != null) {
            return businessUser(user);
        }
        SystemUser system = world.systemUsers.get(id);
        return system == null ? null : systemUser(system);
    }

    private static @Nullable String financePermission(List<String> tasks) {
        List<String> finance = new ArrayList<>();
        for (String task : tasks) {
            if (task.startsWith("FINANCE_")) {
                finance.add(task);
            }
        }
        return finance.isEmpty() ? null : finance.get(0);
    }
}
