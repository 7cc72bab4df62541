package io.hubwarden.web.hubs;

import io.hubwarden.automation.Jobs;
import io.hubwarden.hub.HubView;
import io.hubwarden.hub.Hubs;
import io.hubwarden.workspace.Permission;
import io.hubwarden.workspace.SignedInPerson;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workspace's hubs and a hub's page: health, connection, sync progress, the latest syncs and the review of a sync
 * the safeguard halted; "Check for updates", apply and discard for the hub's Owners and Managers.
 */
@Controller
class HubsController {

    /** How many syncs the hub page lists. */
    static final int LATEST_SYNCS = 5;

    private final Hubs hubs;
    private final Jobs jobs;
    private final HubAccess hubAccess;

    HubsController(Hubs hubs, Jobs jobs, HubAccess hubAccess) {
        this.hubs = hubs;
        this.jobs = jobs;
        this.hubAccess = hubAccess;
    }

    @GetMapping("/hubs")
    String list(@AuthenticationPrincipal SignedInPerson me, Model model) {
        model.addAttribute(
                "hubs",
                hubs.hubsOf(me.workspaceId()).stream()
                        .filter(hub -> hubAccess.mayRead(me, hub))
                        .toList());
        model.addAttribute("canConnect", me.can(Permission.CONNECT_HUB));
        return "hubs/list";
    }

    @GetMapping("/hubs/{hubId}")
    String hub(@AuthenticationPrincipal SignedInPerson me, @PathVariable("hubId") String hubId, Model model) {
        var hub = hubAccess.readable(me, hubId);
        model.addAttribute("hub", hub);
        model.addAttribute("mayManage", hubAccess.mayManage(me, hub));
        model.addAttribute("halted", hubs.haltedSync(me.workspaceId(), hub.id()).orElse(null));
        model.addAttribute("syncs", hubs.syncs(me.workspaceId(), hub.id(), LATEST_SYNCS));
        model.addAttribute("sync", latestSync(hub).orElse(null));
        return "hubs/hub";
    }

    /**
     * The sync progress fragment that the hub page polls while a sync is queued or running. When the sync the page
     * watched has finished, htmx is told to reload the whole page, so that health and counts are current.
     */
    @GetMapping("/hubs/{hubId}/sync")
    String progress(
            @AuthenticationPrincipal SignedInPerson me,
            @PathVariable("hubId") String hubId,
            @RequestParam(name = "watching", defaultValue = "false") boolean watching,
            HttpServletResponse response,
            Model model) {
        var hub = hubAccess.readable(me, hubId);
        var sync = latestSync(hub);
        if (watching && sync.map(progress -> !progress.active()).orElse(true)) {
            response.setHeader("HX-Refresh", "true");
        }
        model.addAttribute("hub", hub);
        model.addAttribute("sync", sync.orElse(null));
        return "hubs/hub :: progress";
    }

    @PostMapping("/hubs/{hubId}/sync")
    String checkForUpdates(
            @AuthenticationPrincipal SignedInPerson me,
            @PathVariable("hubId") String hubId,
            RedirectAttributes redirect) {
        var hub = hubAccess.managed(me, hubId);
        hubs.requestSync(me, hub.id());
        redirect.addFlashAttribute("hubNotice", "hubs.sync.requested");
        return "redirect:/hubs/" + hub.id();
    }

    @PostMapping("/hubs/{hubId}/review/apply")
    String apply(
            @AuthenticationPrincipal SignedInPerson me,
            @PathVariable("hubId") String hubId,
            RedirectAttributes redirect) {
        var hub = hubAccess.managed(me, hubId);
        hubs.applyHaltedSync(me, hub.id());
        redirect.addFlashAttribute("hubNotice", "hubs.review.applied");
        return "redirect:/hubs/" + hub.id();
    }

    @PostMapping("/hubs/{hubId}/review/discard")
    String discard(
            @AuthenticationPrincipal SignedInPerson me,
            @PathVariable("hubId") String hubId,
            RedirectAttributes redirect) {
        var hub = hubAccess.managed(me, hubId);
        hubs.discardHaltedSync(me, hub.id());
        redirect.addFlashAttribute("hubNotice", "hubs.review.discarded");
        return "redirect:/hubs/" + hub.id();
    }

    /** The hub's newest SYNC job, if any: the one queued or running, else the last one. */
    private Optional<SyncProgress> latestSync(HubView hub) {
        return jobs.jobsOf(hub.workspaceId(), hub.id().value(), PageRequest.of(0, 20)).stream()
                .filter(job -> job.type().equals(Hubs.SYNC))
                .findFirst()
                .map(SyncProgress::of);
    }
}
