package io.hubwarden.connector.meta;

import io.hubwarden.connector.EmailAddress;
import io.hubwarden.connector.HubRole;
import io.hubwarden.connector.InvitationId;
import io.hubwarden.connector.InvitationStatus;
import io.hubwarden.connector.Page;
import io.hubwarden.connector.PageRequest;
import io.hubwarden.connector.PendingInvitation;
import io.hubwarden.connector.ServiceCredential;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The business's invitations: the {@code pending_users} edge (business role requests), invitations sent with {@code
 * POST business_users}, and the role-request node.
 */
final class PendingUsers {

    private static final String FIELDS = "id,email,role,status,expiration_time";

    /** Graph writes times as {@code 2026-12-01T10:00:00+0000}. */
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ");

    /** One address has at most a few requests; this only stops a list that never ends. */
    private static final int MAX_PAGES_PER_ADDRESS = 10;

    private final Graph graph;
    private final String businessId;

    PendingUsers(Graph graph, String businessId) {
        this.graph = graph;
        this.businessId = businessId;
    }

    Page<PendingInvitation> page(ServiceCredential credential, PageRequest page) {
        return page(credential, Map.of("fields", FIELDS), page);
    }

    /** Every request for this address, lapsed ones included, read through Graph's {@code email} filter. */
    List<PendingInvitation> forEmail(ServiceCredential credential, EmailAddress email) {
        List<PendingInvitation> found = new ArrayList<>();
        PageRequest request = PageRequest.first(Graph.MAX_LIMIT);
        for (int pages = 0; pages < MAX_PAGES_PER_ADDRESS; pages++) {
            Page<PendingInvitation> page = page(credential, Map.of("fields", FIELDS, "email", email.value()), request);
            // Compared again here: the filter is Graph's, and the comparison that matters is ours.
            page.items().stream()
                    .filter(invitation -> invitation.email().equals(email))
                    .forEach(found::add);
            String next = page.next();
            if (next == null) {
                break;
            }
            request = request.next(next);
        }
        return found;
    }

    /**
     * Every request for each of these addresses, as {@link #forEmail} reads them, in order: the first page of each in
     * Graph batch requests, and the rest of an address's requests, should it have more than a page, alone.
     */
    List<List<PendingInvitation>> forEmails(ServiceCredential credential, List<EmailAddress> emails) {
        List<Graph.BatchEntry> reads = emails.stream()
                .map(email -> Graph.BatchEntry.get(
                        businessId + "/pending_users", Map.of("fields", FIELDS, "email", email.value())))
                .toList();
        List<Supplier<GraphWire.Listing<GraphWire.RoleRequest>>> pages = graph.listEach(
                reads, credential.token(), GraphWire.RoleRequest.class, PageRequest.first(Graph.MAX_LIMIT));
        List<List<PendingInvitation>> all = new ArrayList<>(emails.size());
        for (int i = 0; i < emails.size(); i++) {
            EmailAddress email = emails.get(i);
            GraphWire.Listing<GraphWire.RoleRequest> page = pages.get(i).get();
            if (page.after() != null) {
                all.add(forEmail(credential, email));
                continue;
            }
            List<PendingInvitation> found = new ArrayList<>();
            for (GraphWire.RoleRequest request : page.items()) {
                invitation(request)
                        .filter(invitation -> invitation.email().equals(email))
                        .ifPresent(found::add);
            }
            all.add(found);
        }
        return all;
    }

    /** The invitation for this address that can still be accepted, if there is one. */
    Optional<PendingInvitation> pendingFor(ServiceCredential credential, EmailAddress email) {
        return forEmail(credential, email).stream()
                .filter(invitation -> invitation.status() == InvitationStatus.PENDING)
                .findFirst();
    }

    /** Sends an invitation; Graph e-mails the person. Returns the id Graph answered with, if any. */
    Optional<String> create(ServiceCredential credential, EmailAddress email, String role) {
        GraphWire.WriteResult created = graph.post(
                businessId + "/business_users", Map.of("email", email.value(), "role", role), credential.token());
        return Optional.ofNullable(created.id());
    }

    /**
     * Sends invitations, each an address and a role, in Graph batch requests; each answer gives the id Graph answered
     * with, if any, or throws the failure Graph answered for that invitation alone.
     */
    List<Supplier<Optional<String>>> createAll(
            ServiceCredential credential, List<Map.Entry<EmailAddress, String>> invitees) {
        List<Graph.BatchEntry> writes = invitees.stream()
                .map(invitee -> Graph.BatchEntry.post(
                        businessId + "/business_users",
                        Map.of("email", invitee.getKey().value(), "role", invitee.getValue())))
                .toList();
        return graph.writeEach(writes, credential.token()).stream()
                .<Supplier<Optional<String>>>map(
                        answer -> () -> Optional.ofNullable(answer.get().id()))
                .toList();
    }

    /** Withdraws invitations in Graph batch requests; each answer throws the failure Graph answered for it alone. */
    List<Supplier<GraphWire.WriteResult>> cancelAll(ServiceCredential credential, List<InvitationId> invitations) {
        List<Graph.BatchEntry> writes = invitations.stream()
                .map(invitation -> Graph.BatchEntry.delete(Graph.node(invitation.value()), Map.of()))
                .toList();
        return graph.writeEach(writes, credential.token());
    }

    void changeRole(ServiceCredential credential, InvitationId invitation, String role) {
        graph.post(Graph.node(invitation.value()), Map.of("role", role), credential.token());
    }

    void cancel(ServiceCredential credential, InvitationId invitation) {
        graph.delete(Graph.node(invitation.value()), Map.of(), credential.token());
    }

    private Page<PendingInvitation> page(ServiceCredential credential, Map<String, String> params, PageRequest page) {
        GraphWire.Listing<GraphWire.RoleRequest> listing = graph.list(
                businessId + "/pending_users", params, credential.token(), GraphWire.RoleRequest.class, page);
        List<PendingInvitation> invitations = new ArrayList<>();
        for (GraphWire.RoleRequest request : listing.items()) {
            invitation(request).ifPresent(invitations::add);
        }
        return new Page<>(invitations, listing.after());
    }

    /** Requests without an address, or already accepted, are not invitations anyone can act on. */
    private static Optional<PendingInvitation> invitation(GraphWire.RoleRequest request) {
        EmailAddress email = GraphWire.email(request.email());
        String status = request.status() == null ? "" : request.status().toUpperCase(Locale.ROOT);
        if (email == null || status.equals("ACCEPTED")) {
            return Optional.empty();
        }
        HubRole role = MetaRoles.of(request.role());
        return Optional.of(new PendingInvitation(
                new InvitationId(request.id()), email, role, status(status), time(request.expirationTime())));
    }

    /** Meta does not publish the status values; anything but a lapse is read as still pending. */
    private static InvitationStatus status(String status) {
        if (status.equals("EXPIRED")) {
            return InvitationStatus.EXPIRED;
        }
        if (status.equals("DECLINED")) {
            return InvitationStatus.DECLINED;
        }
        return InvitationStatus.PENDING;
    }

    /**
     * A time written as Graph writes them, {@code 2026-12-01T10:00:00+0000}, read field by field; null for any other
     * shape, which the formatters then read. Every invitation reads one back, and the pattern formatter cost more than
     * the rest of reading the answer.
     */
    static @Nullable Instant graphTime(String value) {
        if (value.length() != 24
                || value.charAt(4) != '-'
                || value.charAt(7) != '-'
                || value.charAt(10) != 'T'
                || value.charAt(13) != ':'
                || value.charAt(16) != ':'
                || (value.charAt(19) != '+' && value.charAt(19) != '-')) {
            return null;
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 5, 7);
        int day = digits(value, 8, 10);
        int hour = digits(value, 11, 13);
        int minute = digits(value, 14, 16);
        int second = digits(value, 17, 19);
        int offsetHours = digits(value, 20, 22);
        int offsetMinutes = digits(value, 22, 24);
        if (year < 0
                || month < 0
                || day < 0
                || hour < 0
                || minute < 0
                || second < 0
                || offsetHours < 0
                || offsetMinutes < 0) {
            return null;
        }
        try {
            int offset = (offsetHours * 3600 + offsetMinutes * 60) * (value.charAt(19) == '-' ? -1 : 1);
            return LocalDateTime.of(year, month, day, hour, minute, second)
                    .toInstant(ZoneOffset.ofTotalSeconds(offset));
        } catch (DateTimeException outOfRange) {
            return null;
        }
    }

    /** The decimal number in {@code value} from {@code from} to {@code to}, or -1 if a character is not a digit. */
    private static int digits(String value, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            char digit = value.charAt(i);
            if (digit < '0' || digit > '9') {
                return -1;
            }
            number = number * 10 + (digit - '0');
        }
        return number;
    }

    private static @Nullable Instant time(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochSecond(Long.parseLong(value));
        }
        Instant graphStyle = graphTime(value);
        if (graphStyle != null) {
            return graphStyle;
        }
        try {
            return OffsetDateTime.parse(value, GRAPH_TIME).toInstant();
        } catch (DateTimeParseException notGraphStyle) {
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}
