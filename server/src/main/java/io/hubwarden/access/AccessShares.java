package io.hubwarden.access;

import io.hubwarden.automation.JobRequest;
import io.hubwarden.connector.HubRole;
import io.hubwarden.hub.HubAccountState;
import io.hubwarden.hub.HubAccountView;
import io.hubwarden.hub.HubId;
import io.hubwarden.hub.HubView;
import io.hubwarden.hub.Hubs;
import io.hubwarden.platform.Ids;
import io.hubwarden.workspace.EmailAddressMalformed;
import io.hubwarden.workspace.Permission;
import io.hubwarden.workspace.PersonId;
import io.hubwarden.workspace.PersonView;
import io.hubwarden.workspace.SignedInPerson;
import io.hubwarden.workspace.WorkspaceId;
import io.hubwarden.workspace.WorkspaceRole;
import io.hubwarden.workspace.Workspaces;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The access module's entry point: sharing hubs with people, the memberships that follow, what a person may do with
 * a hub, and the tenant cards of a person.
 *
 * <p>Reads and actions taking a {@link WorkspaceId} or a {@link SignedInPerson} see only that workspace: a hub or a
 * membership of another workspace is unknown, as if it did not exist.
 */
@Service
public class AccessShares {

    /** People whose shares and memberships are read per query: within what both databases take as parameters. */
    private static final int PEOPLE_PER_QUERY = 1_000;

    /** The job type that invites a person into a hub. */
    public static final String INVITE_USER = InviteUserJob.TYPE;

    private final Shares shares;
    private final Memberships memberships;
    private final TenantCards cards;
    private final MembershipSummaries summaries;
    private final Hubs hubs;
    private final Workspaces workspaces;
    private final MembershipJobs jobs;
    private final NewAccessRows newRows;
    private final Ids ids;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    @SuppressWarnings("TooManyParameters") // the facade over the module
    AccessShares(
            Shares shares,
            Memberships memberships,
            TenantCards cards,
            MembershipSummaries summaries,
            Hubs hubs,
            Workspaces workspaces,
            MembershipJobs jobs,
            NewAccessRows newRows,
            Ids ids,
            Clock clock,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactions) {
        this.shares = shares;
        this.memberships = memberships;
        this.cards = cards;
        this.summaries = summaries;
        this.hubs = hubs;
        this.workspaces = workspaces;
        this.jobs = jobs;
        this.newRows = newRows;
        this.ids = ids;
        this.clock = clock;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Shares a hub with people of the actor's workspace: records (or replaces) each person's share, creates or
     * updates their membership, enqueues the invitation into the hub when the share takes a seat (not for people the
     * last sync already saw as members), and publishes {@link AccessShared} per person. All or nothing: when one
     * address is unknown, nothing is saved.
     *
     * @return the memberships of the people shared with, in the order of the request
     * @throws HubNotShared when the workspace has no such hub
     * @throws SharingDenied when the actor is neither an Owner nor a Manager of the hub
     * @throws PeopleUnknown when addresses are not people of the workspace (and new people are not to be invited)
     * @throws HubRoleUnknown when the hub has no such role
     */
    public List<MembershipView> share(SignedInPerson actor, HubId hubId, ShareRequest request) {
        var hub = visibleHub(actor.workspaceId(), hubId);
        if (!actor.can(Permission.SHARE_ACCESS)
                || roleOn(hubId, actor.personId())
                        .filter(HubRoleOfPerson::mayShare)
                        .isEmpty()) {
            throw new SharingDenied("Only the hub's Owners and Managers share it");
        }
        var roles = hubs.call(hubId, (connector, credential) -> connector.roles());
        int rank = rankOf(roles, request.hubRole());
        var found = workspaces.findByEmails(actor.workspaceId(), request.emails());
        var people = new LinkedHashMap<String, Optional<PersonView>>();
        var unknown = new ArrayList<String>();
        for (var typed : request.emails()) {
            var person = Optional.ofNullable(found.get(typed));
            if (person.isEmpty() && !(request.inviteNewPeople() && actor.can(Permission.MANAGE_PEOPLE))) {
                unknown.add(typed);
            }
            people.put(typed, person);
        }
        if (!unknown.isEmpty()) {
            throw new PeopleUnknown(unknown);
        }
        var terms = new ShareTerms(
                request.role(), request.hubRole(), rank, request.takesSeat(), request.assets(), actor.personId());
        return inTransaction(() -> {
            var persons = new ArrayList<PersonView>();
            for (var entry : people.entrySet()) {
                persons.add(entry.getValue().orElseGet(() -> invite(actor, entry.getKey())));
            }
            var granted = grant(hub, persons, terms);
            return persons.stream().map(person -> granted.get(person.id())).toList();
        });
    }

    /** What the person may do with the hub; empty when it is not shared with them. */
    public Optional<HubRoleOfPerson> roleOn(HubId hubId, PersonId personId) {
        return EffectiveGrant.over(shares.findByHubIdAndPersonId(hubId, personId))
                .map(grant -> new HubRoleOfPerson(hubId, personId, grant));
    }

    /** The person's membership of the hub, if the workspace has the hub and it is shared with the person. */
    public Optional<MembershipView> membership(WorkspaceId workspaceId, HubId hubId, PersonId personId) {
        return memberships
                .findByHubIdAndPersonId(hubId, personId)
                .filter(membership -> membership.workspaceId().equals(workspaceId))
                .map(MembershipView::of);
    }

    /** A membership of the workspace; empty for unknown ids and for memberships of other workspaces. */
    public Optional<MembershipView> membership(WorkspaceId workspaceId, MembershipId id) {
        return memberships.findByIdAndWorkspaceId(id, workspaceId).map(MembershipView::of);
    }

    /** The hub's memberships (the Users table's people), by e-mail; empty for a hub of another workspace. */
    public List<MembershipView> membershipsOf(WorkspaceId workspaceId, HubId hubId) {
        return memberships.findByHubId(hubId).stream()
                .filter(membership -> membership.workspaceId().equals(workspaceId))
                .map(MembershipView::of)
                .sorted((a, b) -> a.email().compareTo(b.email()))
                .toList();
    }

    /**
     * The hub's memberships with the number of assets each member holds, by e-mail, read in one query whatever the
     * number of members (the Users table and its export); empty for a hub of another workspace.
     */
    public List<MembershipSummary> summariesOf(WorkspaceId workspaceId, HubId hubId) {
        return summaries.of(workspaceId, hubId);
    }

    /**
     * The person's tenant cards, one per hub shared with them, in the order they were shared. Reads the database
     * only (two queries whatever the number of hubs), never a hub.
     */
    public List<TenantCard> cardsOf(WorkspaceId workspaceId, PersonId personId) {
        return cards.of(workspaceId, personId);
    }

    /**
     * A version of the person's tenant cards, for conditional requests: it changes whenever {@link #cardsOf} would
     * read differently (a card added, a membership's status, note or assets changed, a hub's business or console
     * changed), and costs two small queries instead of the cards. Opaque text, comparable only with another version of
     * the same person's cards; it does not tell people apart, so a tag made from it must name the person too.
     */
    public String cardsVersion(WorkspaceId workspaceId, PersonId personId) {
        return cards.versionOf(workspaceId, personId);
    }

    /**
     * The person's tenant cards as {@link #cardsOf} reads them, with their {@link #cardsVersion}, read with them at
     * the cost of one more small query. The version is never newer than the cards.
     */
    public CardsAsOf cardsAsOf(WorkspaceId workspaceId, PersonId personId) {
        return cards.asOf(workspaceId, personId);
    }

    /** The person's card of one hub; empty when the hub is not shared with them. */
    public Optional<TenantCard> card(WorkspaceId workspaceId, PersonId personId, HubId hubId) {
        return cards.of(workspaceId, personId).stream()
                .filter(card -> card.hubId().equals(hubId))
                .findFirst();
    }

    /**
     * Sends the hub's invitation again, for an expired or failed one: a new INVITE_USER job. The person themself or
     * the hub's Owners and Managers may ask.
     *
     * @throws MembershipUnknown when the hub is not shared with the person in the actor's workspace
     * @throws SharingDenied when the actor is someone else without the right to share the hub
     * @throws MembershipTransitionRefused when the invitation is neither expired nor failed
     */
    public MembershipView resend(SignedInPerson actor, HubId hubId, PersonId personId) {
        if (!actor.personId().equals(personId)
                && roleOn(hubId, actor.personId())
                        .filter(HubRoleOfPerson::mayShare)
                        .isEmpty()) {
            throw new SharingDenied("Only the person or the hub's Owners and Managers resend an invitation");
        }
        return inTransaction(() -> {
            var membership = memberships
                    .findByHubIdAndPersonId(hubId, personId)
                    .filter(found -> found.workspaceId().equals(actor.workspaceId()))
                    .orElseThrow(() -> new MembershipUnknown("No membership of " + personId + " in " + hubId));
            membership.resent(clock.instant());
            memberships.save(membership);
            jobs.invite(membership, actor.personId().toString(), "invitation resent");
            return MembershipView.of(membership);
        });
    }

    /**
     * Ends a person's access to a hub: every share of the hub with them is revoked, and their membership leaves the
     * hub — a REMOVE_MEMBER job removes the member or withdraws the pending invitation — or, without a seat, ends.
     * Publishes {@link AccessRevoked}. Revoking from someone the hub is not shared with changes nothing.
     *
     * @return the membership as it is now
     * @throws HubNotShared when the workspace has no such hub
     * @throws SharingDenied when the actor is neither an Owner nor a Manager of the hub, or the person is the hub's
     *     last Owner
     * @throws MembershipUnknown when the hub is not shared with the person
     */
    public MembershipView revoke(SignedInPerson actor, HubId hubId, PersonId personId) {
        var hub = visibleHub(actor.workspaceId(), hubId);
        if (!actor.can(Permission.SHARE_ACCESS)
                || roleOn(hubId, actor.personId())
                        .filter(HubRoleOfPerson::mayShare)
                        .isEmpty()) {
            throw new SharingDenied("Only the hub's Owners and Managers revoke access to it");
        }
        return inTransaction(() -> {
            var membership = memberships
                    .findByHubIdAndPersonId(hubId, personId)
                    .filter(found -> found.workspaceId().equals(actor.workspaceId()))
                    .orElseThrow(() -> new MembershipUnknown("No membership of " + personId + " in " + hubId));
            var revoked = shares.findByHubIdAndPersonId(hubId, personId);
            if (revoked.isEmpty()) {
                return MembershipView.of(membership);
            }
            boolean owner = revoked.stream().anyMatch(share -> share.role() == AccessRole.OWNER);
            if (owner && shares.countByHubIdAndRole(hubId, AccessRole.OWNER) <= revoked.size()) {
                throw new SharingDenied("A hub keeps at least one Owner: share it with another Owner first");
            }
            var now = clock.instant();
            shares.deleteAll(revoked);
            membership.accessEnded(now);
            memberships.save(membership);
            if (membership.status() == MembershipStatus.REMOVING) {
                jobs.remove(membership, actor.personId().toString(), "access revoked");
            }
            events.publishEvent(new AccessRevoked(hub.workspaceId(), hubId, personId, actor.personId(), now));
            return MembershipView.of(membership);
        });
    }

    /**
     * Shares the hub with the people on the terms, set-based so that sharing with thousands of people takes a few
     * statements per thousand rather than several per person: their shares and memberships are read together, saved
     * in batches, and their follow-up jobs enqueued together. Each person's membership moves and events are those of
     * sharing with them alone.
     *
     * @return each person's membership, by person
     */
    private Map<PersonId, MembershipView> grant(HubView hub, List<PersonView> people, ShareTerms terms) {
        var now = clock.instant();
        var byId = new LinkedHashMap<PersonId, PersonView>();
        people.forEach(person -> byId.putIfAbsent(person.id(), person));
        var held = new HashMap<PersonId, List<AccessShare>>();
        var existing = new HashMap<PersonId, Membership>();
        var personIds = List.copyOf(byId.keySet());
        for (int from = 0; from < personIds.size(); from += PEOPLE_PER_QUERY) {
            var chunk = personIds.subList(from, Math.min(personIds.size(), from + PEOPLE_PER_QUERY));
            shares.findByHubIdAndPersonIdIn(hub.id(), chunk)
                    .forEach(share -> held.computeIfAbsent(share.personId(), person -> new ArrayList<>())
                            .add(share));
            memberships
                    .findByHubIdAndPersonIdIn(hub.id(), chunk)
                    .forEach(membership -> existing.put(membership.personId(), membership));
        }

        var granting = new ArrayList<Granting>();
        var createdShares = new ArrayList<AccessShare>();
        var replacedShares = new ArrayList<AccessShare>();
        for (var person : byId.values()) {
            var current = held.getOrDefault(person.id(), List.of());
            var share = current.stream()
                    .findFirst()
                    .map(replaced -> {
                        replaced.replace(terms, now);
                        return replaced;
                    })
                    .orElseGet(() -> AccessShare.create(
                            new ShareId(ids.next()), hub.workspaceId(), hub.id(), person.id(), terms, now));
            var after = current.isEmpty() ? List.of(share) : current;
            (current.isEmpty() ? createdShares : replacedShares).add(share);
            granting.add(new Granting(person, share, EffectiveGrant.over(after).orElseThrow()));
        }
        shares.saveAll(replacedShares);
        newRows.insertShares(createdShares);
        var members = membersAmong(hub, granting, existing);

        var changed = new ArrayList<Membership>();
        var updated = new ArrayList<Membership>();
        var created = new ArrayList<Membership>();
        var followUps = new ArrayList<JobRequest>();
        for (var next : granting) {
            var membership = existing.get(next.person().id());
            var followUp = Membership.FollowUp.NOTHING;
            if (membership != null) {
                followUp = membership.granted(next.grant(), now);
                updated.add(membership);
            } else {
                membership = newMembership(hub, next.person(), next.grant(), members, now);
                created.add(membership);
                if (membership.status() == MembershipStatus.INVITING) {
                    followUp = Membership.FollowUp.INVITE;
                }
            }
            changed.add(membership);
            if (followUp == Membership.FollowUp.INVITE) {
                followUps.add(jobs.inviting(membership, terms.sharedBy().toString(), "access shared"));
            } else if (followUp == Membership.FollowUp.UPDATE) {
                followUps.add(jobs.updating(membership, terms.sharedBy().toString(), "access changed"));
            }
        }
        memberships.saveAll(updated);
        newRows.insertMemberships(created);
        jobs.enqueueAll(followUps);

        var views = new HashMap<PersonId, MembershipView>();
        for (int i = 0; i < granting.size(); i++) {
            var next = granting.get(i);
            var grant = next.grant();
            events.publishEvent(new AccessShared(
                    next.share().id(),
                    hub.workspaceId(),
                    hub.id(),
                    next.person().id(),
                    terms.sharedBy(),
                    grant.role(),
                    grant.hubRole(),
                    grant.takesSeat(),
                    now));
            views.put(next.person().id(), MembershipView.of(changed.get(i)));
        }
        return views;
    }

    /**
     * The hub's members, by normalised address, among the people getting their first membership with a seat: read a
     * thousand addresses per query rather than one query per person.
     */
    private Map<String, HubAccountView> membersAmong(
            HubView hub, List<Granting> granting, Map<PersonId, Membership> existing) {
        var emails = granting.stream()
                .filter(next -> next.grant().takesSeat()
                        && !existing.containsKey(next.person().id()))
                .map(next -> normalised(next.person().email()))
                .distinct()
                .toList();
        var members = new HashMap<String, HubAccountView>();
        for (int from = 0; from < emails.size(); from += PEOPLE_PER_QUERY) {
            members.putAll(
                    hubs.members(hub.id(), emails.subList(from, Math.min(emails.size(), from + PEOPLE_PER_QUERY))));
        }
        return members;
    }

    /**
     * A person's first membership of the hub: a member already when the last sync saw them in the hub, which
     * {@code members} (the hub's members by normalised address) tells.
     */
    private Membership newMembership(
            HubView hub, PersonView person, EffectiveGrant grant, Map<String, HubAccountView> members, Instant now) {
        var known = grant.takesSeat()
                ? Optional.ofNullable(members.get(normalised(person.email())))
                        .filter(account -> account.state() == HubAccountState.ACTIVE)
                : Optional.<HubAccountView>empty();
        var id = new MembershipId(ids.next());
        return known.isPresent()
                ? Membership.ofMember(
                        id,
                        hub.workspaceId(),
                        hub.id(),
                        person.id(),
                        person.email(),
                        grant,
                        known.get().externalId(),
                        now)
                : Membership.create(id, hub.workspaceId(), hub.id(), person.id(), person.email(), grant, now);
    }

    private static String normalised(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** A person being shared the hub with: their new or replaced share, and what they hold with it. */
    private record Granting(PersonView person, AccessShare share, EffectiveGrant grant) {}

    private PersonView invite(SignedInPerson actor, String email) {
        try {
            var local = email.strip();
            var name = local.contains("@") ? local.substring(0, local.indexOf('@')) : local;
            var invited = workspaces.invite(actor.personId(), email, name, WorkspaceRole.USER);
            return workspaces.person(actor.workspaceId(), invited.personId()).orElseThrow();
        } catch (EmailAddressMalformed e) {
            throw new PeopleUnknown(List.of(email));
        }
    }

    private HubView visibleHub(WorkspaceId workspaceId, HubId hubId) {
        return hubs.hub(workspaceId, hubId).orElseThrow(() -> new HubNotShared("No hub " + hubId));
    }

    private static int rankOf(List<HubRole> roles, String code) {
        for (int i = 0; i < roles.size(); i++) {
            if (roles.get(i).code().equals(code)) {
                return i;
            }
        }
        throw new HubRoleUnknown(code);
    }

    private <T> T inTransaction(java.util.function.Supplier<T> work) {
        var result = transaction.execute(status -> work.get());
        if (result == null) {
            throw new IllegalStateException("A transaction callback returned nothing");
        }
        return result;
    }
}
