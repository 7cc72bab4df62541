package io.hubwarden.connector.meta;

import io.hubwarden.connector.EmailAddress;
import io.hubwarden.connector.HubMember;
import io.hubwarden.connector.HubUserId;
import io.hubwarden.connector.Page;
import io.hubwarden.connector.PageRequest;
import io.hubwarden.connector.ServiceCredential;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The business's people: the {@code business_users} edge and the business-user node. */
final class BusinessUsers {

    private static final String FIELDS = "id,name,email,role,tasks";

    /** Bounds a scan of the member list at 100 pages of 100, beyond Meta's limits for one business. */
    private static final int MAX_SCAN_PAGES = 100;

    private final Graph graph;
    private final String businessId;

    BusinessUsers(Graph graph, String businessId) {
        this.graph = graph;
        this.businessId = businessId;
    }

    Page<HubMember> page(ServiceCredential credential, PageRequest page) {
        GraphWire.Listing<GraphWire.BusinessUser> listing = graph.list(
                businessId + "/business_users",
                Map.of("fields", FIELDS),
                credential.token(),
                GraphWire.BusinessUser.class,
                page);
        return new Page<>(listing.items().stream().map(BusinessUsers::member).toList(), listing.after());
    }

    /**
     * The member whose address is this one. Graph has no filter by address on this edge, so this reads the whole
     * list: one call per hundred members.
     */
    Optional<HubMember> withEmail(ServiceCredential credential, EmailAddress email) {
        return Optional.ofNullable(withEmails(credential, Set.of(email)).get(email));
    }

    /**
     * The members whose address is one of these, by address, read in one walk of the whole list that ends once each
     * address is found.
     */
    Map<EmailAddress, HubMember> withEmails(ServiceCredential credential, Set<EmailAddress> emails) {
        Map<EmailAddress, HubMember> found = new HashMap<>();
        PageRequest request = PageRequest.first(Graph.MAX_LIMIT);
        for (int pages = 0; pages < MAX_SCAN_PAGES && found.size() < emails.size(); pages++) {
            Page<HubMember> page = page(credential, request);
            for (HubMember member : page.items()) {
                EmailAddress email = member.email();
                if (email != null && emails.contains(email)) {
                    found.putIfAbsent(email, member);
                }
            }
            String next = page.next();
            if (next == null) {
                break;
            }
            request = request.next(next);
        }
        return found;
    }

    void changeRole(ServiceCredential credential, HubUserId user, String role) {
        graph.post(Graph.node(user.value()), Map.of("role", role), credential.token());
    }

    void remove(ServiceCredential credential, HubUserId user) {
        graph.delete(Graph.node(user.value()), Map.of(), credential.token());
    }

    private static HubMember member(GraphWire.BusinessUser user) {
        List<String> tasks = user.tasks() == null ? List.of() : user.tasks();
        Set<String> extra =
                tasks.stream().filter(task -> !MetaRoles.isBaseRole(task)).collect(Collectors.toUnmodifiableSet());
        return new HubMember(
                new HubUserId(user.id()),
                user.name() == null ? "" : user.name(),
                GraphWire.email(user.email()),
                MetaRoles.of(user.role()),
                extra);
    }
}
