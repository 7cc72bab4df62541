package io.hubwarden.web.hubs;

import io.hubwarden.access.AccessShares;
import io.hubwarden.automation.JobId;
import io.hubwarden.automation.JobNotFound;
import io.hubwarden.automation.JobTransitionRefused;
import io.hubwarden.automation.Jobs;
import io.hubwarden.hub.HubView;
import io.hubwarden.hub.Hubs;
import io.hubwarden.workspace.SignedInPerson;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Map;
import org.springframework.data.domain.PageRequest;
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
 * A hub's jobs, newest first, for the people it is shared with; its Owners and Managers put failed ones back in the
 * queue.
 */
@Controller
class HubJobsController {

    static final int PAGE_SIZE = 25;

    private final HubAccess hubAccess;
    private final Jobs jobs;
    private final AccessShares access;
    private final Hubs hubs;

    HubJobsController(HubAccess hubAccess, Jobs jobs, AccessShares access, Hubs hubs) {
        this.hubAccess = hubAccess;
        this.jobs = jobs;
        this.access = access;
        this.hubs = hubs;
    }

    @GetMapping("/hubs/{hubId}/jobs")
    String jobs(
            @AuthenticationPrincipal SignedInPerson me,
            @PathVariable("hubId") String hubId,
            @RequestParam(name = "page", defaultValue = "0") int page,
            Model model) {
        fill(model, me, hubAccess.readable(me, hubId), page);
        return "hubs/jobs";
    }

    @PostMapping("/hubs/{hubId}/jobs/{jobId}/retry")
    String retry(
            @AuthenticationPrincipal SignedInPerson me,
            @PathVariable("hubId") String hubId,
            @PathVariable("jobId") String jobId,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        var hub = hubAccess.managed(me, hubId);
        JobId id;
        try {
            id = JobId.of(jobId);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Not a job id", e);
        }
        // A job of another hub is not this hub's to retry, even in the same workspace.
        var ofThisHub = jobs.job(me.workspaceId(), id)
                .filter(job -> job.hubId().filter(hub.id().value()::equals).isPresent())
                .isPresent();
        if (!ofThisHub) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such job");
        }
        try {
            jobs.retry(me.workspaceId(), id);
        } catch (JobNotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such job", e);
        } catch (JobTransitionRefused e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("problem", "hubs.jobs.problem.not-failed");
            fill(model, me, hub, 0);
            return "hubs/jobs";
        }
        redirect.addFlashAttribute("jobsNotice", "hubs.jobs.retried");
        return "redirect:/hubs/" + hub.id() + "/jobs";
    }

    /** The people the hub's jobs are about: memberships and hub accounts by id, as their addresses or names. */
    private Map<String, String> subjects(HubView hub) {
        var subjects = new HashMap<String, String>();
        for (var summary : access.summariesOf(hub.workspaceId(), hub.id())) {
            subjects.put(
                    summary.membership().id().toString(), summary.membership().email());
        }
        for (var account : hubs.accounts(hub.id())) {
            var email = account.email();
            subjects.put(account.id().toString(), email == null || email.isBlank() ? account.name() : email);
        }
        return subjects;
    }

    private void fill(Model model, SignedInPerson me, HubView hub, int page) {
        var found = jobs.jobsOf(me.workspaceId(), hub.id().value(), PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("hub", hub);
        model.addAttribute("manages", hubAccess.mayManage(me, hub));
        var subjects = found.isEmpty() ? Map.<String, String>of() : subjects(hub);
        model.addAttribute(
                "jobs",
                found.getContent().stream().map(job -> JobRow.of(job, subjects)).toList());
        model.addAttribute("page", found.getNumber());
        model.addAttribute("pages", Math.max(1, found.getTotalPages()));
    }
}
