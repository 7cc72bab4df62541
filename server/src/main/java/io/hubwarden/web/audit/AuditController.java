package io.hubwarden.web.audit;

import io.hubwarden.audit.AuditEntry;
import io.hubwarden.audit.AuditTrail;
import io.hubwarden.hub.HubView;
import io.hubwarden.hub.Hubs;
import io.hubwarden.web.CsvWriter;
import io.hubwarden.workspace.Permission;
import io.hubwarden.workspace.PersonView;
import io.hubwarden.workspace.SignedInPerson;
import io.hubwarden.workspace.Workspaces;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/** The workspace's audit trail, newest first, with the state of its chain; and all of it as CSV. */
@Controller
class AuditController {

    /** How many records the page shows; the export has them all. */
    static final int PAGE = 200;

    private final AuditTrail trail;
    private final Workspaces workspaces;
    private final Hubs hubs;

    AuditController(AuditTrail trail, Workspaces workspaces, Hubs hubs) {
        this.trail = trail;
        this.workspaces = workspaces;
        this.hubs = hubs;
    }

    @GetMapping("/audit")
    String page(@AuthenticationPrincipal SignedInPerson me, Model model) {
        allowed(me);
        var names = Names.of(workspaces.peopleOf(me.workspaceId()), hubs.hubsOf(me.workspaceId()));
        model.addAttribute(
                "entries",
                trail.recent(me.workspaceId(), PAGE).stream().map(names::row).toList());
        model.addAttribute("chain", trail.check(me.workspaceId()));
        return "audit/audit";
    }

    @GetMapping("/audit.csv")
    void export(@AuthenticationPrincipal SignedInPerson me, HttpServletResponse response) throws IOException {
        allowed(me);
        var names = Names.of(workspaces.peopleOf(me.workspaceId()), hubs.hubsOf(me.workspaceId()));
        response.setContentType("text/csv; charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"hubwarden-audit.csv\"");
        var out = new CsvWriter(response.getWriter());
        out.record(List.of(
                "seq", "occurred_at", "actor_id", "actor", "action", "hub_id", "hub", "person_id", "person", "detail"));
        trail.each(me.workspaceId(), entry -> {
            try {
                out.record(List.of(
                        String.valueOf(entry.seq()),
                        entry.occurredAt().toString(),
                        entry.actor(),
                        names.actor(entry.actor()),
                        entry.action(),
                        text(entry.hubId()),
                        names.hub(entry.hubId()),
                        text(entry.personId()),
                        names.person(entry.personId()),
                        entry.detail()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        response.getWriter().flush();
    }

    private static void allowed(SignedInPerson me) {
        if (!me.can(Permission.VIEW_AUDIT)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Reading the audit trail is for Owners and Admins");
        }
    }

    private static String text(@Nullable UUID id) {
        return id == null ? "" : id.toString();
    }

    /** A record as the page shows it: names instead of ids, and the message key of its action. */
    record Row(
            @Nullable Long seq,
            Instant occurredAt,
            String actor,
            String actionKey,
            String actionArgument,
            String hub,
            String person,
            String detail) {}

    /** The workspace's people and hubs by id, read once per request. */
    private record Names(Map<String, String> people, Map<String, String> hubLabels) {

        static Names of(List<PersonView> people, List<HubView> hubs) {
            var byId = new HashMap<String, String>();
            people.forEach(person -> byId.put(person.id().toString(), person.name() + " <" + person.email() + ">"));
            var labels = new HashMap<String, String>();
            hubs.forEach(hub -> labels.put(hub.id().value().toString(), hub.label()));
            return new Names(byId, labels);
        }

        Row row(AuditEntry entry) {
            boolean membership = entry.action().startsWith("MEMBERSHIP_");
            return new Row(
                    entry.seq(),
                    entry.occurredAt(),
                    actor(entry.actor()),
                    membership ? "audit.action.MEMBERSHIP" : "audit.action." + entry.action(),
                    membership ? entry.action().substring("MEMBERSHIP_".length()) : "",
                    hub(entry.hubId()),
                    person(entry.personId()),
                    entry.detail());
        }

        String actor(String actor) {
            return AuditEntry.SYSTEM.equals(actor) ? "Hubwarden" : people.getOrDefault(actor, actor);
        }

        String hub(@Nullable UUID id) {
            return id == null ? "" : hubLabels.getOrDefault(id.toString(), id.toString());
        }

        String person(@Nullable UUID id) {
            return id == null ? "" : people.getOrDefault(id.toString(), id.toString());
        }
    }
}
