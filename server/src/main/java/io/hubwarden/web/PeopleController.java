package io.hubwarden.web;

import io.hubwarden.workspace.EmailAddressMalformed;
import io.hubwarden.workspace.InvitationNotSent;
import io.hubwarden.workspace.Permission;
import io.hubwarden.workspace.PersonAlreadyInWorkspace;
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.PersonStatus;
import io.hubwarden.workspace.PersonView;
import io.hubwarden.workspace.SignedInPerson;
import io.hubwarden.workspace.Workspaces;
import jakarta.validation.Valid;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** People of the signed-in person's workspace: inviting, and one person's page. */
@Controller
class PeopleController {

    private final Workspaces workspaces;

    PeopleController(Workspaces workspaces) {
        this.workspaces = workspaces;
    }

    @PostMapping("/people/invitations")
    String invite(
            @AuthenticationPrincipal SignedInPerson me,
            @Valid @ModelAttribute("inviteForm") InviteForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                var invited = workspaces.invite(
                        me.personId(),
                        Objects.requireNonNull(form.email()),
                        Objects.requireNonNull(form.name()),
                        form.role());
                redirect.addFlashAttribute("notice", "invitation-sent");
                redirect.addFlashAttribute("noticeArgument", invited.email());
                return "redirect:/";
            } catch (EmailAddressMalformed e) {
                errors.rejectValue("email", "invite.email.malformed");
            } catch (PersonAlreadyInWorkspace e) {
                errors.rejectValue("email", "invite.email.taken");
            } catch (InvitationNotSent e) {
                redirect.addFlashAttribute("warning", "invitation-not-sent");
                return "redirect:/people/" + e.personId();
            }
        }
        HomeController.fill(workspaces, me, model);
        return "home";
    }

    @GetMapping("/people/{id}")
    String person(@AuthenticationPrincipal SignedInPerson me, @PathVariable("id") String id, Model model) {
        var person = find(me, id);
        model.addAttribute("person", person);
        model.addAttribute("canResend", canResend(me, person));
        return "person";
    }

    @PostMapping("/people/{id}/invitation")
    String resend(
            @AuthenticationPrincipal SignedInPerson me, @PathVariable("id") String id, RedirectAttributes redirect) {
        var person = find(me, id);
        try {
            workspaces.resendInvitation(me.personId(), person.id());
            redirect.addFlashAttribute("notice", "invitation-sent");
            redirect.addFlashAttribute("noticeArgument", person.email());
        } catch (InvitationNotSent e) {
            redirect.addFlashAttribute("warning", "invitation-not-sent");
        }
        return "redirect:/people/" + person.id();
    }

    /** A person of the caller's workspace; 404 for anyone else, so ids of other workspaces reveal nothing. */
    private PersonView find(SignedInPerson me, String id) {
        try {
            return workspaces
                    .person(me.workspaceId(), PersonId.parse(id))
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Not a person id", e);
        }
    }

    private static boolean canResend(SignedInPerson me, PersonView person) {
        return me.can(Permission.MANAGE_PEOPLE)
                && person.status() == PersonStatus.INVITED
                && me.role().mayAssign(person.role());
    }
}
