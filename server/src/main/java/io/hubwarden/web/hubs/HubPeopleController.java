package io.hubwarden.web.hubs;

import io.hubwarden.access.AccessShares;
import io.hubwarden.access.MembershipTransitionRefused;
import io.hubwarden.access.MembershipUnknown;
import io.hubwarden.access.SharingDenied;
import io.hubwarden.hub.HubAccountId;
import io.hubwarden.hub.HubAccountUnknown;
import io.hubwarden.hub.HubView;
import io.hubwarden.hub.Hubs;
import io.hubwarden.web.CsvWriter;
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.PersonStatus;
import io.hubwarden.workspace.SignedInPerson;
import io.hubwarden.workspace.Workspaces;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A hub's Users table for the people it is shared with: every member with their status, the hub accounts no one
 * holds, and its CSV export; and, for the hub's Owners and Managers, revoking a person's access, resending failed or
 * expired invitations and
 * matching, exempting or removing unmatched accounts.
 */
@Controller
class HubPeopleController {

    static final int PAGE_SIZE = 50;
    static final int MAX_REASON = 500;

    private final Hubs hubs;
    private final HubAccess hubAccess;
    private final AccessShares access;
    private final Workspaces workspaces;
    private final HubUsers users;
    private final MessageSource messages;

    HubPeopleController(
            Hubs hubs,
            HubAccess hubAccess,
            AccessShares access,
            Workspaces workspaces,
            HubUsers users,
            MessageSource messages) {
        this.hubs = hubs;
        this.hubAccess = hubAccess;
        this.access = access;
        this.workspaces = workspaces;
        this.users = users;
        this.messages = messages;
    }

    @GetMapping("/hubs/{hubId}/people")
    String people(
            @AuthenticationPrincipal SignedInPerson me,
            @PathVariable("hubId") String hubId,
            @RequestParam(name = "status", required = false) @Nullable String status,
            @RequestParam(name = "page", defaultValue = "0") int page,
            Model model) {
        var hub = hubAccess.readable(me, hubId);
        fill(model, me, hub, filterOf(status), page);
        return "hubs/people";
    }

    @GetMapping(path = "/hubs/{hubId}/people.csv")
    void export(
            @AuthenticationPrincipal SignedInPerson me,
            @PathVariable("hubId") String hubId,
            @RequestParam(name = "status", required = false) @Nullable String status,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        var hub = hubAccess.readable(me, hubId);
        var rows = HubUsers.filter(users.of(hub, workspaces.peopleOf(me.workspaceId())), filterOf(status));
        var roleNames = users.roleNames(hub);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(fileName(hub), StandardCharsets.UTF_8)
                        .build()
                        .toString());
        var writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        var csv = new CsvWriter(writer);
        csv.record(List.of(
                text("hubs.people.name", locale),
                text("hubs.people.email", locale),
                text("hubs.people.role", locale),
                text("hubs.people.hub-role", locale),
                text("hubs.people.status", locale),
                text("hubs.people.assets", locale),
                text("hubs.people.changed", locale),
                text("hubs.people.note", locale)));
        for (var row : rows) {
            var role = row.role();
            csv.record(List.of(
                    row.name(),
                    Objects.toString(row.email(), ""),
                    role == null ? "" : text("shares.role." + role, locale),
                    roleNames.getOrDefault(row.hubRole(), row.hubRole()),
                    text(row.status().key(), locale),
                    String.valueOf(row.assets()),
                    row.changed(),
                    Objects.toString(row.note(), "")));
        }
        writer.flush();
    }

    @PostMapping("/hubs/{hubId}/people/{personId}/resend")
    String resend(
            @AuthenticationPrincipal SignedInPerson me,
            @PathVariable("hubId") String hubId,
            @PathVariable("personId") String personId,
            @RequestParam(name = "status", required = false) @Nullable String status,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var hub = hubAccess.managed(me, hubId);
        var person = parse(() -> PersonId.parse(personId));
        try {
            access.resend(me, hub.id(), person);
        } catch (MembershipUnknown e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such member", e);
        } catch (MembershipTransitionRefused e) {
            return problem(model, me, hub, status, response, HttpStatus.CONFLICT, "hubs.people.problem.not-resendable");
        }
        return done(hub, status, redirect, "hubs.people.resent");
    }

    @PostMapping("/hubs/{hubId}/people/accounts/{accountId}/match")
    String match(
            @AuthenticationPrincipal SignedInPerson me,
            @PathVariable("hubId") String hubId,
            @PathVariable("accountId") String accountId,
            @RequestParam(name = "person", defaultValue = "") String email,
            @RequestParam(name = "status", required = false) @Nullable String status,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var hub = hubAccess.managed(me, hubId);
        var account = parse(() -> HubAccountId.parse(accountId));
        var person = email.isBlank()
                ? null
                : workspaces.findByEmail(me.workspaceId(), email).orElse(null);
        if (person == null) {
            return problem(model, me, hub, status, response, HttpStatus.BAD_REQUEST, "hubs.people.problem.no-person");
        }
        try {
            hubs.match(me, hub.id(), account, person.id());
        } catch (HubAccountUnknown e) {
            return problem(model, me, hub, status, response, HttpStatus.CONFLICT, "hubs.people.problem.gone");
        }
        return done(hub, status, redirect, "hubs.people.matched");
    }

    @PostMapping("/hubs/{hubId}/people/accounts/{accountId}/exempt")
    String exempt(
            @AuthenticationPrincipal SignedInPerson me,
            @PathVariable("hubId") String hubId,
            @PathVariable("accountId") String accountId,
            @RequestParam(name = "reason", defaultValue = "") String reason,
            @RequestParam(name = "status", required = false) @Nullable String status,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var hub = hubAccess.managed(me, hubId);
        var account = parse(() -> HubAccountId.parse(accountId));
        if (reason.isBlank() || reason.strip().length() > MAX_REASON) {
            return problem(model, me, hub, status, response, HttpStatus.BAD_REQUEST, "hubs.people.problem.reason");
        }
        try {
            hubs.exempt(me, hub.id(), account, reason);
        } catch (HubAccountUnknown e) {
            return problem(model, me, hub, status, response, HttpStatus.CONFLICT, "hubs.people.problem.gone");
        }
        return done(hub, status, redirect, "hubs.people.exempted");
    }

    @PostMapping("/hubs/{hubId}/people/accounts/{accountId}/remove")
    String remove(
            @AuthenticationPrincipal SignedInPerson me,
            @PathVariable("hubId") String hubId,
            @PathVariable("accountId") String accountId,
            @RequestParam(name = "confirm", defaultValue = "false") String confirm,
            @RequestParam(name = "status", required = false) @Nullable String status,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var hub = hubAccess.managed(me, hubId);
        var account = parse(() -> HubAccountId.parse(accountId));
        if (!"true".equals(confirm)) {
            return problem(model, me, hub, status, response, HttpStatus.BAD_REQUEST, "hubs.people.problem.confirm");
        }
        try {
            hubs.remove(me, hub.id(), account);
        } catch (HubAccountUnknown e) {
            return problem(model, me, hub, status, response, HttpStatus.CONFLICT, "hubs.people.problem.gone");
        }
        return done(hub, status, redirect, "hubs.people.removing");
    }

    @PostMapping("/hubs/{hubId}/people/{personId}/revoke")
    String revoke(
            @AuthenticationPrincipal SignedInPerson me,
            @PathVariable("hubId") String hubId,
            @PathVariable("personId") String personId,
            @RequestParam(name = "confirm", defaultValue = "false") String confirm,
            @RequestParam(name = "status", required = false) @Nullable String status,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var hub = hubAccess.managed(me, hubId);
        var person = parse(() -> PersonId.parse(personId));
        if (!"true".equals(confirm)) {
            return problem(model, me, hub, status, response, HttpStatus.BAD_REQUEST, "hubs.people.problem.confirm");
        }
        try {
            access.revoke(me, hub.id(), person);
        } catch (MembershipUnknown e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such member", e);
        } catch (SharingDenied e) {
            return problem(model, me, hub, status, response, HttpStatus.CONFLICT, "hubs.people.problem.last-owner");
        }
        return done(hub, status, redirect, "hubs.people.revoked");
    }

    private void fill(Model model, SignedInPerson me, HubView hub, @Nullable UserStatus status, int page) {
        var people = workspaces.peopleOf(me.workspaceId());
        var all = users.of(hub, people);
        var shown = HubUsers.filter(all, status);
        int pages = Math.max(1, (shown.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        int number = Math.min(Math.max(page, 0), pages - 1);
        var rows = shown.subList(number * PAGE_SIZE, Math.min(shown.size(), (number + 1) * PAGE_SIZE));
        model.addAttribute("hub", hub);
        model.addAttribute("manages", hubAccess.mayManage(me, hub));
        model.addAttribute("rows", rows);
        model.addAttribute("total", shown.size());
        model.addAttribute("page", number);
        model.addAttribute("pages", pages);
        model.addAttribute("status", status == null ? "" : status.name());
        model.addAttribute("statuses", UserStatus.values());
        model.addAttribute("counts", HubUsers.countByStatus(all));
        model.addAttribute("roleNames", users.roleNames(hub));
        boolean matching = hubAccess.mayManage(me, hub) && rows.stream().anyMatch(UserRow::unmatched);
        model.addAttribute(
                "people",
                matching
                        ? people.stream()
                                .filter(person -> person.status() == PersonStatus.ACTIVE
                                        || person.status() == PersonStatus.INVITED)
                                .toList()
                        : List.of());
    }

    private String problem(
            Model model,
            SignedInPerson me,
            HubView hub,
            @Nullable String status,
            HttpServletResponse response,
            HttpStatus code,
            String problem) {
        response.setStatus(code.value());
        model.addAttribute("problem", problem);
        fill(model, me, hub, filterOf(status), 0);
        return "hubs/people";
    }

    private static String done(HubView hub, @Nullable String status, RedirectAttributes redirect, String notice) {
        redirect.addFlashAttribute("peopleNotice", notice);
        var filter = filterOf(status);
        return "redirect:/hubs/" + hub.id() + "/people" + (filter == null ? "" : "?status=" + filter.name());
    }

    /** The status a filter asks for; {@code null} for none; a 400 for one that names no status. */
    private static @Nullable UserStatus filterOf(@Nullable String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return UserStatus.parse(status)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "No such status"));
    }

    private static <T> T parse(Supplier<T> id) {
        try {
            return id.get();
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Not an id", e);
        }
    }

    private String text(String key, Locale locale) {
        var text = messages.getMessage(key, null, key, locale);
        return text == null ? key : text;
    }

    /** The export's file name: the hub's label, kept to letters, digits, dots, dashes and underscores. */
    static String fileName(HubView hub) {
        var label = hub.label().strip().replaceAll("[^\\p{L}\\p{N}._-]+", "-").replaceAll("^-+|-+$", "");
        return (label.isEmpty() ? "hub" : label) + "-users.csv";
    }
}
