package io.hubwarden.web.shares;

import io.hubwarden.access.AccessRole;
import io.hubwarden.access.AccessShares;
import io.hubwarden.access.AssetEntitlement;
import io.hubwarden.access.HubNotShared;
import io.hubwarden.access.HubRoleOfPerson;
import io.hubwarden.access.HubRoleUnknown;
import io.hubwarden.access.PeopleUnknown;
import io.hubwarden.access.ShareRequest;
import io.hubwarden.access.SharingDenied;
import io.hubwarden.connector.AssetAccess;
import io.hubwarden.connector.AssetKind;
import io.hubwarden.connector.AssetTasks;
import io.hubwarden.connector.HubRole;
import io.hubwarden.hub.AssetView;
import io.hubwarden.hub.HubId;
import io.hubwarden.hub.HubView;
import io.hubwarden.hub.Hubs;
import io.hubwarden.workspace.Permission;
import io.hubwarden.workspace.SignedInPerson;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The share form of a hub, for its Owners and Managers: people by e-mail (new ones invited to the workspace when
 * asked), the Hubwarden role, the hub role, tasks on the hub's assets, and a seat in the hub or not.
 */
@Controller
class ShareController {

    /** Form fields naming asset tasks look like {@code task:AD_ACCOUNT:act_1}, one value per task. */
    static final String TASK_PREFIX = "task:";

    static final Map<AccessRole, String> ROLE_KEYS = Map.of(
            AccessRole.OWNER, "shares.role.OWNER",
            AccessRole.MANAGER, "shares.role.MANAGER",
            AccessRole.COLLABORATOR, "shares.role.COLLABORATOR");

    private final AccessShares access;
    private final Hubs hubs;

    ShareController(AccessShares access, Hubs hubs) {
        this.access = access;
        this.hubs = hubs;
    }

    @GetMapping("/hubs/{hubId}/share")
    String form(@AuthenticationPrincipal SignedInPerson me, @PathVariable("hubId") String hubId, Model model) {
        var hub = sharable(me, hubId);
        fill(model, hub, "", AccessRole.COLLABORATOR, "", true, false, List.of());
        return "shares/share";
    }

    @PostMapping("/hubs/{hubId}/share")
    String share(
            @AuthenticationPrincipal SignedInPerson me,
            @PathVariable("hubId") String hubId,
            @RequestParam MultiValueMap<String, String> form,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var hub = sharable(me, hubId);
        var typed = form.getFirst("emails");
        var emails = Arrays.stream(typed == null ? new String[0] : typed.split("[,;\\s]+"))
                .map(String::strip)
                .filter(email -> !email.isEmpty())
                .toList();
        var role = parseRole(form.getFirst("role"));
        var hubRole = String.valueOf(form.getFirst("hubRole"));
        boolean seat = "true".equals(form.getFirst("seat"));
        boolean inviteNew = "true".equals(form.getFirst("inviteNew"));
        var assets = assetsOf(form);
        var problems = new ArrayList<String>();
        if (emails.isEmpty()) {
            problems.add("shares.problem.no-people");
        } else {
            try {
                var shared =
                        access.share(me, hub.id(), new ShareRequest(emails, role, hubRole, assets, seat, inviteNew));
                redirect.addFlashAttribute("shareNotice", "shares.done");
                redirect.addFlashAttribute("shareCount", shared.size());
                return "redirect:/hubs/" + hub.id() + "/share";
            } catch (PeopleUnknown e) {
                model.addAttribute("unknownPeople", e.emails());
                problems.add("shares.problem.unknown-people");
            } catch (HubRoleUnknown e) {
                problems.add("shares.problem.hub-role");
            }
        }
        model.addAttribute("problems", problems);
        fill(model, hub, String.join(", ", emails), role, hubRole, seat, inviteNew, assets);
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return "shares/share";
    }

    @ExceptionHandler(HubNotShared.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("status", HttpStatus.NOT_FOUND.value());
        model.addAttribute("known", true);
        return "error";
    }

    @ExceptionHandler(SharingDenied.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String denied(Model model) {
        model.addAttribute("status", HttpStatus.FORBIDDEN.value());
        model.addAttribute("known", true);
        return "error";
    }

    private HubView sharable(SignedInPerson me, String hubId) {
        HubId id;
        try {
            id = HubId.parse(hubId);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Not a hub id", e);
        }
        var hub = hubs.hub(me.workspaceId(), id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such hub"));
        if (!me.can(Permission.SHARE_ACCESS)
                || access.roleOn(id, me.personId())
                        .filter(HubRoleOfPerson::mayShare)
                        .isEmpty()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the hub's Owners and Managers share it");
        }
        return hub;
    }

    @SuppressWarnings("TooManyParameters") // the form's fields as they were
    private void fill(
            Model model,
            HubView hub,
            String emails,
            AccessRole role,
            String hubRole,
            boolean seat,
            boolean inviteNew,
            List<AssetEntitlement> chosen) {
        var roles = hubs.call(hub.id(), (connector, credential) -> connector.roles());
        List<AssetTasks> kinds = hubs.call(
                hub.id(),
                (connector, credential) ->
                        connector.assets().map(AssetAccess::kinds).orElse(List.of()));
        var tasksByKind = new java.util.EnumMap<AssetKind, List<String>>(AssetKind.class);
        kinds.forEach(kind -> tasksByKind.put(kind.kind(), kind.tasks()));
        var assets = new ArrayList<AssetChoice>();
        for (AssetView asset : hubs.assets(hub.id())) {
            var tasks = tasksByKind.getOrDefault(asset.kind(), List.of());
            if (tasks.isEmpty()) {
                continue;
            }
            var picked = chosen.stream()
                    .filter(entitlement -> entitlement.kind() == asset.kind()
                            && entitlement.assetId().equals(asset.externalId()))
                    .flatMap(entitlement -> entitlement.tasks().stream())
                    .toList();
            assets.add(new AssetChoice(
                    TASK_PREFIX + asset.kind() + ":" + asset.externalId(), asset.kind(), asset.name(), tasks, picked));
        }
        model.addAttribute("hub", hub);
        model.addAttribute("emails", emails);
        model.addAttribute("role", role);
        model.addAttribute("roles", AccessRole.values());
        model.addAttribute("roleKeys", ROLE_KEYS);
        model.addAttribute("hubRoles", roles);
        model.addAttribute("hubRole", hubRole.isEmpty() ? lowest(roles) : hubRole);
        model.addAttribute("seat", seat);
        model.addAttribute("inviteNew", inviteNew);
        model.addAttribute("assets", assets);
    }

    private static String lowest(List<HubRole> roles) {
        return roles.isEmpty() ? "" : roles.get(roles.size() - 1).code();
    }

    private static AccessRole parseRole(@org.jspecify.annotations.Nullable String text) {
        try {
            return text == null ? AccessRole.COLLABORATOR : AccessRole.valueOf(text);
        } catch (IllegalArgumentException e) {
            return AccessRole.COLLABORATOR;
        }
    }

    private static List<AssetEntitlement> assetsOf(MultiValueMap<String, String> form) {
        var assets = new ArrayList<AssetEntitlement>();
        for (Map.Entry<String, List<String>> field : form.entrySet()) {
            if (!field.getKey().startsWith(TASK_PREFIX)) {
                continue;
            }
            var rest = field.getKey().substring(TASK_PREFIX.length());
            int colon = rest.indexOf(':');
            if (colon < 0) {
                continue;
            }
            try {
                var kind = AssetKind.valueOf(rest.substring(0, colon));
                var tasks = new HashSet<>(field.getValue());
                tasks.removeIf(String::isBlank);
                if (!tasks.isEmpty()) {
                    assets.add(new AssetEntitlement(kind, rest.substring(colon + 1), tasks));
                }
            } catch (IllegalArgumentException e) {
                continue;
            }
        }
        return assets;
    }

    /** One asset of the form: the field name, and the tasks offered and picked. */
    record AssetChoice(String field, AssetKind kind, String name, List<String> tasks, List<String> picked) {}
}
