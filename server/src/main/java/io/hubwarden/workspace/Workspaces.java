package io.hubwarden.workspace;

import io.hubwarden.platform.Ids;
import io.hubwarden.platform.Tokens;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The workspace module's entry point: workspaces, their people and invitations.
 *
 * <p>Reads never cross workspaces unless their name says so: {@link #person(WorkspaceId, PersonId)} does not find a
 * person of another workspace. Changes check the acting person's role against the permission matrix and throw {@link
 * PermissionDenied} when it does not allow them.
 */
@Service
public class Workspaces {

    private final WorkspaceRepository workspaces;
    private final People people;
    private final PeopleDirectory directory;
    private final Invitations invitations;
    private final Passwords passwords;
    private final InvitationMail mail;
    private final Tokens tokens;
    private final Ids ids;
    private final Clock clock;
    private final WorkspaceSettings settings;
    private final TransactionTemplate transaction;

    @SuppressWarnings("TooManyParameters") // the module's collaborators, all injected
    Workspaces(
            WorkspaceRepository workspaces,
            People people,
            PeopleDirectory directory,
            Invitations invitations,
            Passwords passwords,
            InvitationMail mail,
            Tokens tokens,
            Ids ids,
            Clock clock,
            WorkspaceSettings settings,
            TransactionTemplate transaction) {
        this.workspaces = workspaces;
        this.people = people;
        this.directory = directory;
        this.invitations = invitations;
        this.passwords = passwords;
        this.mail = mail;
        this.tokens = tokens;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
        this.transaction = transaction;
    }

    /**
     * Creates a workspace and its first Owner, who is active and can sign in with {@code ownerPassword} at once. The
     * workspace's slug is derived from its name and made unique with a numeric suffix.
     *
     * @throws EmailAddressMalformed when {@code ownerEmail} is not an email address
     * @throws PasswordTooWeak when {@code ownerPassword} breaks the password rules
     * @throws IllegalArgumentException when a name is blank or too long
     */
    public WorkspaceCreated create(String workspaceName, String ownerEmail, String ownerName, String ownerPassword) {
        var email = EmailAddress.parse(ownerEmail);
        var hash = passwords.hash(ownerPassword);
        return inTransaction(() -> {
            var now = clock.instant();
            var workspaceId = new WorkspaceId(ids.next());
            var ownerId = new PersonId(ids.next());
            var workspace = Workspace.create(workspaceId, workspaceName, freeSlug(workspaceName), ownerId, now);
            workspaces.save(workspace);
            people.save(Person.owner(ownerId, workspaceId, email, ownerName, hash, now));
            return new WorkspaceCreated(workspaceId, workspace.name(), workspace.slug(), ownerId);
        });
    }

    /**
     * Invites a person into the inviter's workspace and mails them a set-password link, valid for {@code
     * hubwarden.workspace.invitation-validity} (7 days by default).
     *
     * @param inviterId an active person whose role may assign {@code role} (see {@link WorkspaceRole#mayAssign})
     * @throws PermissionDenied when the inviter may not invite with this role
     * @throws PersonAlreadyInWorkspace when the email is already a person of the workspace
     * @throws EmailAddressMalformed when {@code email} is not an email address
     * @throws InvitationNotSent when the mail failed; the person is invited all the same and the invitation can be
     *     sent again with {@link #resendInvitation}
     */
    public PersonInvited invite(PersonId inviterId, String email, String name, WorkspaceRole role) {
        var address = EmailAddress.parse(email);
        var token = tokens.issue();
        var invited = inTransaction(() -> {
            var inviter = activeManager(inviterId);
            if (!inviter.role().mayAssign(role)) {
                throw new PermissionDenied(inviter.role() + " may not invite people as " + role);
            }
            if (people.findByWorkspaceIdAndEmail(inviter.workspaceId(), address.value())
                    .isPresent()) {
                throw new PersonAlreadyInWorkspace(address);
            }
            var now = clock.instant();
            var person = Person.invited(
                    new PersonId(ids.next()), inviter.workspaceId(), address, name, role, inviterId, now);
            people.save(person);
            return issueInvitation(person.view(), inviter.view(), token.hash(), now);
        });
        mail.send(invited.invitee(), invited.workspace(), invited.inviter(), token.value(), invited.expiresAt());
        var invitee = invited.invitee();
        return new PersonInvited(invitee.workspaceId(), invitee.id(), invitee.email(), invitee.role(), inviterId);
    }

    /**
     * Sends a fresh invitation link to a person who has not set a password yet; earlier links stop working.
     *
     * @throws PersonNotFound when the invitee is not in the inviter's workspace
     * @throws PermissionDenied when the inviter may not manage people with the invitee's role
     * @throws PersonNotInvited when the invitee has set a password already
     * @throws InvitationNotSent when the mail failed
     */
    public void resendInvitation(PersonId inviterId, PersonId inviteeId) {
        var token = tokens.issue();
        var invited = inTransaction(() -> {
            var inviter = activeManager(inviterId);
            var invitee = people.findById(inviteeId)
                    .filter(found -> found.workspaceId().equals(inviter.workspaceId()))
                    .orElseThrow(() -> new PersonNotFound(inviteeId));
            if (!inviter.role().mayAssign(invitee.role())) {
                throw new PermissionDenied(inviter.role() + " may not invite people as " + invitee.role());
            }
            if (!invitee.isInvited()) {
                throw new PersonNotInvited(inviteeId);
            }
            var now = clock.instant();
            for (var earlier : invitations.findByPersonIdAndUsedAtIsNull(inviteeId)) {
                earlier.withdraw(now);
                invitations.save(earlier);
            }
            return issueInvitation(invitee.view(), inviter.view(), token.hash(), now);
        });
        mail.send(invited.invitee(), invited.workspace(), invited.inviter(), token.value(), invited.expiresAt());
    }

    /**
     * The invitation behind a set-password link, if it can still be used.
     *
     * @throws InvitationUnknown when no invitation has this token
     * @throws InvitationExpired when it expired
     * @throws InvitationAlreadyUsed when it was used or replaced
     */
    public PendingInvitation pendingInvitation(String token) {
        var invitation = usableInvitation(token);
        var person = people.findById(invitation.personId()).orElseThrow(InvitationUnknown::new);
        if (!person.isInvited()) {
            throw new InvitationAlreadyUsed();
        }
        var workspace = workspaces.findById(invitation.workspaceId()).orElseThrow(InvitationUnknown::new);
        var view = person.view();
        return new PendingInvitation(
                workspace.name(), workspace.slug(), view.email(), view.name(), invitation.expiresAt());
    }

    /**
     * Uses a set-password link: sets the person's password and activates them. The link cannot be used again.
     *
     * @throws InvitationUnusable (unknown, expired or used) as {@link #pendingInvitation}
     * @throws PasswordTooWeak when the password breaks the rules; the link stays usable
     */
    public PersonView acceptInvitation(String token, String password) {
        pendingInvitation(token);
        var hash = passwords.hash(password);
        return inTransaction(() -> {
            var invitation = usableInvitation(token);
            var person = people.findById(invitation.personId()).orElseThrow(InvitationUnknown::new);
            if (!person.isInvited()) {
                throw new InvitationAlreadyUsed();
            }
            var now = clock.instant();
            invitation.use(now);
            invitations.save(invitation);
            person.activate(hash, now);
            return people.save(person).view();
        });
    }

    /** The shortest password accepted ({@code hubwarden.workspace.minimum-password-length}, 12 by default). */
    public int minimumPasswordLength() {
        return settings.minimumPasswordLength();
    }

    public Optional<WorkspaceView> workspace(WorkspaceId id) {
        return workspaces.findById(id).map(Workspace::view);
    }

    /** A person of any workspace; for reactions to events. Pages and APIs use {@link #person(WorkspaceId, PersonId)}. */
    public Optional<PersonView> person(PersonId id) {
        return people.findById(id).map(Person::view);
    }

    /** A person of the given workspace; empty for unknown ids and for people of other workspaces. */
    public Optional<PersonView> person(WorkspaceId workspaceId, PersonId id) {
        return directory.one(workspaceId, id);
    }

    /**
     * The people of the workspace with these ids, by id, in a query per thousand ids; without ids that are unknown or
     * of other workspaces.
     */
    public Map<PersonId, PersonView> people(WorkspaceId workspaceId, Collection<PersonId> ids) {
        var found = new HashMap<PersonId, PersonView>();
        if (!ids.isEmpty()) {
            directory.withIds(workspaceId, ids).forEach(person -> found.put(person.id(), person));
        }
        return found;
    }

    /** Everyone in the workspace, whatever their status, by name; one query, however many people. */
    public List<PersonView> peopleOf(WorkspaceId workspaceId) {
        return directory.of(workspaceId);
    }

    /**
     * The people of the workspace a hub account can be matched to (everyone but the deactivated), by their normalised
     * address; one query of two columns, however many people.
     */
    public Map<String, PersonId> matchableByEmail(WorkspaceId workspaceId) {
        return directory.matchableByEmail(workspaceId);
    }

    /** The person of the workspace with this email (normalised first); empty when none or when it is malformed. */
    public Optional<PersonView> findByEmail(WorkspaceId workspaceId, String email) {
        try {
            var address = EmailAddress.parse(email);
            return people.findByWorkspaceIdAndEmail(workspaceId, address.value())
                    .map(Person::view);
        } catch (EmailAddressMalformed e) {
            return Optional.empty();
        }
    }

    /**
     * The people of the workspace with these addresses, each address normalised first, in a few queries however many
     * addresses: keyed by the address as given, without the addresses that are malformed or nobody's.
     */
    public Map<String, PersonView> findByEmails(WorkspaceId workspaceId, Collection<String> emails) {
        var normalised = new LinkedHashMap<String, String>();
        for (var email : emails) {
            try {
                normalised.put(email, EmailAddress.parse(email).value());
            } catch (EmailAddressMalformed e) {
                // Malformed: nobody's address, like an unknown one.
            }
        }
        var byAddress = new HashMap<String, PersonView>();
        directory.withEmails(workspaceId, normalised.values()).forEach(person -> byAddress.put(person.email(), person));
        var found = new LinkedHashMap<String, PersonView>();
        normalised.forEach((typed, address) -> {
            var person = byAddress.get(address);
            if (person != null) {
                found.put(typed, person);
            }
        });
        return found;
    }

    private Person activeManager(PersonId personId) {
        var person = people.findById(personId)
                .filter(Person::isActive)
                .orElseThrow(() -> new PermissionDenied("Only active people act in a workspace"));
        if (!person.role().can(Permission.MANAGE_PEOPLE)) {
            throw new PermissionDenied(person.role() + " may not manage people");
        }
        return person;
    }

    private Invitation usableInvitation(String token) {
        var invitation = invitations.findByTokenHash(tokens.hashOf(token)).orElseThrow(InvitationUnknown::new);
        invitation.checkUsable(clock.instant());
        return invitation;
    }

    private IssuedInvitation issueInvitation(PersonView invitee, PersonView inviter, String tokenHash, Instant now) {
        var invitation = Invitation.issue(
                new InvitationId(ids.next()), invitee, tokenHash, inviter.id(), now, settings.invitationValidity());
        invitations.save(invitation);
        var workspace = workspaces.findById(invitee.workspaceId()).orElseThrow().view();
        return new IssuedInvitation(invitee, inviter, workspace, invitation.expiresAt());
    }

    private String freeSlug(String workspaceName) {
        var base = Workspace.slugFor(workspaceName);
        var slug = base;
        for (var suffix = 2; workspaces.existsBySlug(slug); suffix++) {
            slug = base + "-" + suffix;
        }
        return slug;
    }

    private <T> T inTransaction(Supplier<T> work) {
        var result = transaction.execute(status -> work.get());
        if (result == null) {
            throw new IllegalStateException("A transaction callback returned nothing");
        }
        return result;
    }

    private record IssuedInvitation(
            PersonView invitee, PersonView inviter, WorkspaceView workspace, Instant expiresAt) {}
}
