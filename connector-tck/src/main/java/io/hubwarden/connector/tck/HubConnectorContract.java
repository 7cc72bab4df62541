package io.hubwarden.connector.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hubwarden.connector.AssetAccess;
import io.hubwarden.connector.AssetGrant;
import io.hubwarden.connector.AssetKind;
import io.hubwarden.connector.AssetRef;
import io.hubwarden.connector.AssetTasks;
import io.hubwarden.connector.EmailAddress;
import io.hubwarden.connector.HubAsset;
import io.hubwarden.connector.HubAuthExpired;
import io.hubwarden.connector.HubConnector;
import io.hubwarden.connector.HubConnectorProvider;
import io.hubwarden.connector.HubFailure;
import io.hubwarden.connector.HubMember;
import io.hubwarden.connector.HubNotFound;
import io.hubwarden.connector.HubRateLimited;
import io.hubwarden.connector.HubRejected;
import io.hubwarden.connector.HubRole;
import io.hubwarden.connector.HubSettings;
import io.hubwarden.connector.HubTransport;
import io.hubwarden.connector.HubUnavailable;
import io.hubwarden.connector.HubUserId;
import io.hubwarden.connector.InvitationId;
import io.hubwarden.connector.InvitationOutcome;
import io.hubwarden.connector.InvitationReceipt;
import io.hubwarden.connector.InvitationRequest;
import io.hubwarden.connector.InvitationResult;
import io.hubwarden.connector.InvitationRoles;
import io.hubwarden.connector.InvitationStatus;
import io.hubwarden.connector.Invitee;
import io.hubwarden.connector.IssuedToken;
import io.hubwarden.connector.Page;
import io.hubwarden.connector.PageRequest;
import io.hubwarden.connector.PendingInvitation;
import io.hubwarden.connector.ProfileIdentity;
import io.hubwarden.connector.ProfileLinking;
import io.hubwarden.connector.ProfileMembership;
import io.hubwarden.connector.Secret;
import io.hubwarden.connector.ServiceCredential;
import io.hubwarden.connector.SettingProblem;
import io.hubwarden.connector.SettingSpec;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The contract every hub connector honours, run against the hub's simulator over real HTTP. A connector's test
 * module extends this class and supplies {@link #connector()} (opened on {@link HubSimulatorControl#settings()}) and
 * {@link #simulator()}. Tests of a capability the connector does not offer are skipped, not failed.
 *
 * <p>Every test starts from {@link HubSimulatorControl#reset()}: one business whose only member is its Full-control
 * person.
 */
public abstract class HubConnectorContract {

    private int sequence;

    /** The connector under test, opened on the simulator's settings. */
    protected abstract HubConnector connector();

    /** The simulator the connector talks to. */
    protected abstract HubSimulatorControl simulator();

    /**
     * Settings values the connector must refuse offline, by setting name, each checked on its own. Empty (the
     * default) skips {@code validateReportsMalformedValues}.
     */
    protected Map<String, String> malformedSettings() {
        return Map.of();
    }

    @BeforeEach
    void startFromAConnectedBusiness() {
        simulator().reset();
        sequence = 0;
    }

    @Nested
    class Settings {

        @Test
        void providerIsFoundWithServiceLoader() {
            assertThat(provider().kind()).isEqualTo(connector().kind());
        }

        @Test
        void settingsDescribeThemselvesForAForm() {
            List<SettingSpec> specs = provider().settings();

            assertThat(specs).isNotEmpty();
            assertThat(specs).extracting(SettingSpec::name).doesNotHaveDuplicates();
            assertThat(specs).allSatisfy(spec -> assertThat(spec.help()).isNotBlank());
            assertThat(specs).anySatisfy(spec -> assertThat(spec.secret()).isTrue());
        }

        @Test
        void simulatorSettingsAreValid() {
            assertThat(provider().validate(simulator().settings())).isEmpty();
        }

        @Test
        void validateReportsEachMissingRequiredSetting() {
            List<SettingSpec> required = provider().settings().stream()
                    .filter(spec -> spec.required() && spec.defaultValue() == null)
                    .toList();

            assertThat(required).isNotEmpty();
            for (SettingSpec spec : required) {
                List<SettingProblem> problems =
                        provider().validate(simulator().settings().without(spec.name()));
                assertThat(problems)
                        .as("problems without %s", spec.name())
                        .extracting(SettingProblem::setting)
                        .contains(spec.name());
            }
        }

        @Test
        void validateReportsMalformedValues() {
            assumeTrue(!malformedSettings().isEmpty(), "no malformed values declared");

            malformedSettings()
                    .forEach((name, value) -> assertThat(
                                    provider().validate(simulator().settings().with(name, value)))
                            .as("problems with %s=%s", name, value)
                            .extracting(SettingProblem::setting)
                            .containsExactly(name));
        }

        @Test
        void problemsNeverRepeatASecret() {
            HubSettings settings = HubSettings.empty();
            for (SettingSpec spec : provider().settings()) {
                settings = settings.with(spec.name(), spec.secret() ? "p4ss-Word-" + spec.name() : "%%%");
            }

            List<SettingProblem> problems = provider().validate(settings);

            assertThat(problems).isNotEmpty();
            assertThat(problems)
                    .allSatisfy(problem -> assertThat(problem.message()).doesNotContain("p4ss-Word"));
        }

        @Test
        void validatingAndOpeningNeedNoNetwork() {
            long before = simulator().requestsServed();

            provider().validate(simulator().settings());
            provider().validate(HubSettings.empty());
            provider().open(simulator().settings(), transport());

            assertThat(simulator().requestsServed()).isEqualTo(before);
        }

        @Test
        void openRefusesInvalidSettings() {
            assertThatIllegalArgumentException().isThrownBy(() -> provider().open(HubSettings.empty(), transport()));
        }
    }

    @Nested
    class Connection {

        @Test
        void checkConnectionNamesTheConnectedBusiness() {
            assertThat(connector().business(credential())).isEqualTo(simulator().business());
        }

        @Test
        void unknownTokenIsAuthExpired() {
            ServiceCredential forged = ServiceCredential.of("forged-token-that-the-hub-never-issued");

            HubAuthExpired failure =
                    catchThrowableOfType(HubAuthExpired.class, () -> connector().business(forged));

            assertThat(failure).isNotNull();
            assertThat(failure.getMessage()).doesNotContain("forged-token");
        }

        @Test
        void serviceAuthorizeUrlCarriesStateAndRedirectUri() {
            URI url = connector()
                    .serviceConnection()
                    .authorizeUrl("state-123", simulator().redirectUri());

            assertThat(queryValues(url))
                    .contains("state-123", simulator().redirectUri().toString());
        }

        @Test
        void connectingAsTheFullControlPersonYieldsAWorkingServiceCredential() {
            URI redirect = simulator().redirectUri();
            String code = simulator().authorizationCode(simulator().fullControlPerson(), redirect);

            IssuedToken token = connector().serviceConnection().exchange(code, redirect);

            assertThat(connector().business(new ServiceCredential(token.accessToken())))
                    .isEqualTo(simulator().business());
        }

        @Test
        void anAuthorizationCodeWorksOnce() {
            URI redirect = simulator().redirectUri();
            String code = simulator().authorizationCode(simulator().fullControlPerson(), redirect);
            connector().serviceConnection().exchange(code, redirect);

            HubFailure failure = catchThrowableOfType(
                    HubFailure.class, () -> connector().serviceConnection().exchange(code, redirect));

            assertThat(failure).isInstanceOf(HubRejected.class);
        }
    }

    @Nested
    class Listing {

        @Test
        void listsEveryMemberAcrossPages() {
            int before = allMembers().size();
            List<EmailAddress> seeded = seedMembers(7);

            PageWalk<HubMember> walk = PageWalk.of(page -> connector().members(credential(), page), 3);

            assertThat(walk.pages()).isGreaterThan(1);
            assertThat(walk.largestPage()).isLessThanOrEqualTo(3);
            assertThat(walk.items()).extracting(HubMember::id).doesNotHaveDuplicates();
            assertThat(walk.items()).hasSize(before + seeded.size());
            assertThat(walk.items()).extracting(HubMember::email).containsAll(seeded);
        }

        @Test
        void listsEveryPendingInvitationAcrossPages() {
            List<EmailAddress> seeded = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                EmailAddress email = freshEmail("invitee");
                simulator().seedInvitation(email, partialRole());
                seeded.add(email);
            }

            PageWalk<PendingInvitation> walk = PageWalk.of(page -> connector().invitations(credential(), page), 3);

            assertThat(walk.pages()).isGreaterThan(1);
            assertThat(walk.largestPage()).isLessThanOrEqualTo(3);
            assertThat(walk.items()).extracting(PendingInvitation::id).doesNotHaveDuplicates();
            assertThat(walk.items()).extracting(PendingInvitation::email).containsExactlyInAnyOrderElementsOf(seeded);
            assertThat(walk.items()).allSatisfy(invitation -> {
                assertThat(invitation.status()).isEqualTo(InvitationStatus.PENDING);
                assertThat(invitation.role()).isEqualTo(partialRole());
            });
        }

        @Test
        void theFullControlPersonIsAMemberWithTheMostPowerfulRole() {
            assertThat(member(simulator().fullControlPerson()))
                    .hasValueSatisfying(member -> assertThat(member.role()).isEqualTo(fullRole()));
        }

        @Test
        void membersHoldRolesTheConnectorNames() {
            seedMembers(2);

            assertThat(allMembers())
                    .extracting(HubMember::role)
                    .allSatisfy(role -> assertThat(connector().roles()).contains(role));
        }

        @Test
        void anEmptyInvitationListIsOneLastPage() {
            PageWalk<PendingInvitation> walk = PageWalk.of(page -> connector().invitations(credential(), page), 10);

            assertThat(walk.items()).isEmpty();
            assertThat(walk.pages()).isEqualTo(1);
        }
    }

    @Nested
    class Inviting {

        @Test
        void invitingByEmailLeavesOnePendingInvitation() {
            EmailAddress email = freshEmail("new");

            InvitationReceipt receipt = connector().invite(credential(), new Invitee(email), partialRole());

            assertThat(receipt.outcome()).isEqualTo(InvitationOutcome.INVITED);
            assertThat(invitationsFor(email)).singleElement().satisfies(invitation -> {
                assertThat(invitation.id()).isEqualTo(receipt.invitationId());
                assertThat(invitation.role()).isEqualTo(partialRole());
                assertThat(invitation.status()).isEqualTo(InvitationStatus.PENDING);
            });
        }

        @Test
        void invitingTheSameEmailTwiceLeavesOneInvitation() {
            EmailAddress email = freshEmail("twice");
            InvitationReceipt first = connector().invite(credential(), new Invitee(email), partialRole());

            InvitationReceipt second = connector().invite(credential(), new Invitee(email), partialRole());

            assertThat(second.outcome()).isEqualTo(InvitationOutcome.ALREADY_PENDING);
            assertThat(second.invitationId()).isEqualTo(first.invitationId());
            assertThat(invitationsFor(email)).hasSize(1);
        }

        @Test
        void invitingAnAddressThatIsAlreadyInvitedReportsAlreadyPending() {
            EmailAddress email = freshEmail("seeded");
            simulator().seedInvitation(email, partialRole());

            InvitationReceipt receipt = connector().invite(credential(), new Invitee(email), partialRole());

            assertThat(receipt.outcome()).isEqualTo(InvitationOutcome.ALREADY_PENDING);
            assertThat(invitationsFor(email)).extracting(PendingInvitation::id).containsExactly(receipt.invitationId());
        }

        @Test
        void invitingAnExistingMemberReportsAlreadyMember() {
            EmailAddress email = seedMembers(1).get(0);

            InvitationReceipt receipt = connector().invite(credential(), new Invitee(email), partialRole());

            assertThat(receipt.outcome()).isEqualTo(InvitationOutcome.ALREADY_MEMBER);
            assertThat(receipt.memberId()).isEqualTo(memberId(email));
            assertThat(invitationsFor(email)).isEmpty();
        }

        @Test
        void aLapsedInvitationIsListedAsExpiredAndReplacedByTheNextInvite() {
            EmailAddress email = freshEmail("lapsed");
            simulator().seedInvitation(email, partialRole());
            simulator().expireInvitations();
            List<PendingInvitation> lapsed = invitationsFor(email);

            InvitationReceipt receipt = connector().invite(credential(), new Invitee(email), partialRole());

            assertThat(lapsed).extracting(PendingInvitation::status).containsExactly(InvitationStatus.EXPIRED);
            assertThat(receipt.outcome()).isEqualTo(InvitationOutcome.INVITED);
            assertThat(invitationsFor(email)).singleElement().satisfies(invitation -> {
                assertThat(invitation.id()).isEqualTo(receipt.invitationId());
                assertThat(invitation.status()).isEqualTo(InvitationStatus.PENDING);
            });
        }

        @Test
        void anInvitationCanBeSentAgainAfterItWasCancelled() {
            EmailAddress email = freshEmail("again");
            InvitationReceipt first = connector().invite(credential(), new Invitee(email), partialRole());
            connector().cancelInvitation(credential(), first.invitationId());

            InvitationReceipt second = connector().invite(credential(), new Invitee(email), partialRole());

            assertThat(second.outcome()).isEqualTo(InvitationOutcome.INVITED);
            assertThat(invitationsFor(email)).hasSize(1);
        }
    }

    @Nested
    class InvitingSeveralAtOnce {

        @Test
        void eachAnswerIsWhatInvitingThatAddressAloneWouldAnswerInTheOrderAsked() {
            EmailAddress pending = freshEmail("seeded");
            simulator().seedInvitation(pending, partialRole());
            EmailAddress member = seedMembers(1).get(0);
            EmailAddress first = freshEmail("first");
            EmailAddress last = freshEmail("last");

            List<InvitationResult> results =
                    connector().inviteAll(credential(), requests(List.of(first, pending, member, last), partialRole()));

            assertThat(results)
                    .extracting(result -> result.received().outcome())
                    .containsExactly(
                            InvitationOutcome.INVITED,
                            InvitationOutcome.ALREADY_PENDING,
                            InvitationOutcome.ALREADY_MEMBER,
                            InvitationOutcome.INVITED);
            for (int i : new int[] {0, 1}) {
                EmailAddress email = List.of(first, pending).get(i);
                assertThat(invitationsFor(email))
                        .extracting(PendingInvitation::id)
                        .containsExactly(results.get(i).received().invitationId());
            }
            assertThat(invitationsFor(last))
                    .extracting(PendingInvitation::id)
                    .containsExactly(results.get(3).received().invitationId());
            assertThat(results.get(2).received().memberId()).isEqualTo(memberId(member));
            assertThat(invitationsFor(member)).isEmpty();
        }

        @Test
        void eachInvitationHasTheRoleAskedForIt() {
            EmailAddress full = freshEmail("full");
            EmailAddress partial = freshEmail("partial");

            connector()
                    .inviteAll(
                            credential(),
                            List.of(
                                    new InvitationRequest(new Invitee(full), fullRole()),
                                    new InvitationRequest(new Invitee(partial), partialRole())));

            assertThat(invitationsFor(full)).extracting(PendingInvitation::role).containsExactly(fullRole());
            assertThat(invitationsFor(partial))
                    .extracting(PendingInvitation::role)
                    .containsExactly(partialRole());
        }

        @Test
        void moreInvitationsThanOneCallTakesAreEachSentOnce() {
            List<EmailAddress> emails = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                emails.add(freshEmail("many"));
            }

            List<InvitationResult> results = connector().inviteAll(credential(), requests(emails, partialRole()));

            assertThat(results)
                    .hasSize(120)
                    .allSatisfy(
                            result -> assertThat(result.received().outcome()).isEqualTo(InvitationOutcome.INVITED));
            List<PendingInvitation> all = PageWalk.of(page -> connector().invitations(credential(), page), 100)
                    .items();
            assertThat(all)
                    .extracting(PendingInvitation::email)
                    .containsAll(emails)
                    .doesNotHaveDuplicates();
        }

        @Test
        void invitingTheSameAddressesAgainSendsNothingTwice() {
            List<EmailAddress> emails = List.of(freshEmail("again"), freshEmail("again"), freshEmail("again"));
            List<InvitationResult> first = connector().inviteAll(credential(), requests(emails, partialRole()));

            List<InvitationResult> second = connector().inviteAll(credential(), requests(emails, partialRole()));

            assertThat(second)
                    .extracting(result -> result.received().outcome())
                    .containsOnly(InvitationOutcome.ALREADY_PENDING);
            assertThat(second)
                    .extracting(result -> result.received().invitationId())
                    .containsExactlyElementsOf(first.stream()
                            .map(result -> result.received().invitationId())
                            .toList());
            assertThat(emails)
                    .allSatisfy(email -> assertThat(invitationsFor(email)).hasSize(1));
        }

        @Test
        void aLapsedInvitationAmongThemIsReplaced() {
            EmailAddress lapsed = freshEmail("lapsed");
            simulator().seedInvitation(lapsed, partialRole());
            simulator().expireInvitations();
            EmailAddress fresh = freshEmail("fresh");

            List<InvitationResult> results =
                    connector().inviteAll(credential(), requests(List.of(lapsed, fresh), partialRole()));

            assertThat(results)
                    .extracting(result -> result.received().outcome())
                    .containsExactly(InvitationOutcome.INVITED, InvitationOutcome.INVITED);
            assertThat(invitationsFor(lapsed)).singleElement().satisfies(invitation -> {
                assertThat(invitation.id()).isEqualTo(results.get(0).received().invitationId());
                assertThat(invitation.status()).isEqualTo(InvitationStatus.PENDING);
            });
        }

        @Test
        void aFailureOfTheHubIsThrownForAllAndAskingAgainSendsEachOnce() {
            List<EmailAddress> emails = List.of(freshEmail("retry"), freshEmail("retry"), freshEmail("retry"));
            simulator().throttleNextCall(Duration.ofMinutes(1));

            HubFailure failure = catchThrowableOfType(
                    HubFailure.class, () -> connector().inviteAll(credential(), requests(emails, partialRole())));
            List<InvitationResult> retried = connector().inviteAll(credential(), requests(emails, partialRole()));

            assertThat(failure).isInstanceOf(HubRateLimited.class);
            assertThat(retried)
                    .allSatisfy(result -> assertThat(result.received().outcome())
                            .isIn(InvitationOutcome.INVITED, InvitationOutcome.ALREADY_PENDING));
            assertThat(emails)
                    .allSatisfy(email -> assertThat(invitationsFor(email)).hasSize(1));
        }

        @Test
        void nothingToInviteAsksTheHubNothing() {
            long before = simulator().requestsServed();

            List<InvitationResult> results = connector().inviteAll(credential(), List.of());

            assertThat(results).isEmpty();
            assertThat(simulator().requestsServed()).isEqualTo(before);
        }
    }

    @Nested
    class ChangingAndRemoving {

        @Test
        void changingAMembersRoleShowsInTheMemberList() {
            assumeTrue(connector().roles().size() > 1, "the hub has a single role");
            EmailAddress email = seedMembers(1).get(0);

            connector().changeRole(credential(), memberId(email), fullRole());

            assertThat(member(email))
                    .hasValueSatisfying(member -> assertThat(member.role()).isEqualTo(fullRole()));
        }

        @Test
        void changingARoleTwiceIsHarmless() {
            EmailAddress email = seedMembers(1).get(0);
            HubUserId id = memberId(email);

            connector().changeRole(credential(), id, partialRole());
            connector().changeRole(credential(), id, partialRole());

            assertThat(member(email))
                    .hasValueSatisfying(member -> assertThat(member.role()).isEqualTo(partialRole()));
        }

        @Test
        void changingAPendingInvitationsRoleShowsInTheInvitationList() {
            Optional<InvitationRoles> invitationRoles = connector().invitationRoles();
            assumeTrue(invitationRoles.isPresent(), "the hub cannot change a pending invitation's role");
            assumeTrue(connector().roles().size() > 1, "the hub has a single role");
            EmailAddress email = freshEmail("pending");
            InvitationId id = connector()
                    .invite(credential(), new Invitee(email), partialRole())
                    .invitationId();

            invitationRoles.get().changeRole(credential(), id, fullRole());

            assertThat(invitationsFor(email))
                    .singleElement()
                    .satisfies(invitation -> assertThat(invitation.role()).isEqualTo(fullRole()));
        }

        @Test
        void removingAMemberTakesThemOutOfTheBusiness() {
            EmailAddress email = seedMembers(1).get(0);

            connector().remove(credential(), memberId(email));

            assertThat(member(email)).isEmpty();
        }

        @Test
        void cancellingAnInvitationWithdrawsIt() {
            EmailAddress email = freshEmail("cancelled");
            InvitationId id = connector()
                    .invite(credential(), new Invitee(email), partialRole())
                    .invitationId();

            connector().cancelInvitation(credential(), id);

            assertThat(invitationsFor(email)).isEmpty();
        }

        @Test
        void removingAnUnknownMemberIsNotFound() {
            HubUserId unknown = new HubUserId(simulator().unknownId());

            assertThat(catchThrowableOfType(HubFailure.class, () -> connector().remove(credential(), unknown)))
                    .isInstanceOf(HubNotFound.class);
        }

        @Test
        void changingTheRoleOfAnUnknownMemberIsNotFound() {
            HubUserId unknown = new HubUserId(simulator().unknownId());

            assertThat(catchThrowableOfType(
                            HubFailure.class, () -> connector().changeRole(credential(), unknown, partialRole())))
                    .isInstanceOf(HubNotFound.class);
        }

        @Test
        void cancellingAnUnknownInvitationIsNotFound() {
            InvitationId unknown = new InvitationId(simulator().unknownId());

            assertThat(catchThrowableOfType(
                            HubFailure.class, () -> connector().cancelInvitation(credential(), unknown)))
                    .isInstanceOf(HubNotFound.class);
        }
    }

    @Nested
    class SharingAssets {

        @Test
        void listsSeededAssetsOfEveryKind() {
            List<AssetKind> kinds = kindsToExercise(false);
            assumeTrue(!kinds.isEmpty(), "no asset kind both listed by the connector and seeded by the simulator");
            for (AssetKind kind : kinds) {
                HubAsset first = simulator().seedAsset(kind, "First " + kind);
                HubAsset second = simulator().seedAsset(kind, "Second " + kind);

                PageWalk<HubAsset> walk = PageWalk.of(page -> assets().assets(credential(), kind, page), 100);

                assertThat(walk.items()).as("assets of kind %s", kind).containsExactlyInAnyOrder(first, second);
            }
        }

        @Test
        void listsAssetsAcrossPages() {
            AssetKind kind = grantableKind();
            List<HubAsset> seeded = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                seeded.add(simulator().seedAsset(kind, "Asset " + i));
            }

            PageWalk<HubAsset> walk = PageWalk.of(page -> assets().assets(credential(), kind, page), 2);

            assertThat(walk.pages()).isGreaterThan(1);
            assertThat(walk.largestPage()).isLessThanOrEqualTo(2);
            assertThat(walk.items()).containsExactlyInAnyOrderElementsOf(seeded);
        }

        @Test
        void allowedTaskSetsAreAmongTheTasksTheConnectorOffers() {
            for (AssetKind kind : kindsToExercise(true)) {
                List<String> offered = tasksOffered(kind);

                assertThat(simulator().allowedTaskSets(kind))
                        .allSatisfy(tasks -> assertThat(offered).containsAll(tasks));
            }
        }

        @Test
        void grantingTasksShowsThemInTheAssetsGrants() {
            AssetKind kind = grantableKind();
            AssetRef asset = simulator().seedAsset(kind, "Shared").ref();
            HubUserId user = memberId(seedMembers(1).get(0));
            Set<String> tasks = simulator().allowedTaskSets(kind).get(0);

            assets().grant(credential(), asset, user, tasks);

            assertThat(grantsOn(asset)).contains(new AssetGrant(user, tasks));
        }

        @Test
        void grantingAgainReplacesTheTasks() {
            AssetKind kind = grantableKind();
            AssetRef asset = simulator().seedAsset(kind, "Shared").ref();
            HubUserId user = memberId(seedMembers(1).get(0));
            List<Set<String>> taskSets = simulator().allowedTaskSets(kind);
            assets().grant(credential(), asset, user, taskSets.get(0));

            assets().grant(credential(), asset, user, taskSets.get(1));

            assertThat(grantsOn(asset))
                    .filteredOn(grant -> grant.user().equals(user))
                    .containsExactly(new AssetGrant(user, taskSets.get(1)));
        }

        @Test
        void revokingTakesTheGrantAway() {
            AssetKind kind = grantableKind();
            AssetRef asset = simulator().seedAsset(kind, "Shared").ref();
            HubUserId user = memberId(seedMembers(1).get(0));
            assets().grant(
                            credential(),
                            asset,
                            user,
                            simulator().allowedTaskSets(kind).get(0));

            assets().revoke(credential(), asset, user);

            assertThat(grantsOn(asset)).extracting(AssetGrant::user).doesNotContain(user);
        }

        @Test
        void eachPersonSeesOnlyTheirOwnGrant() {
            AssetKind kind = grantableKind();
            AssetRef asset = simulator().seedAsset(kind, "Shared").ref();
            List<EmailAddress> people = seedMembers(2);
            HubUserId first = memberId(people.get(0));
            HubUserId second = memberId(people.get(1));
            List<Set<String>> taskSets = simulator().allowedTaskSets(kind);

            assets().grant(credential(), asset, first, taskSets.get(0));
            assets().grant(credential(), asset, second, taskSets.get(1));

            assertThat(grantsOn(asset))
                    .contains(new AssetGrant(first, taskSets.get(0)), new AssetGrant(second, taskSets.get(1)));
        }

        @Test
        void refusedTaskSetIsRejected() {
            AssetKind kind = grantableKind();
            Optional<Set<String>> refused = simulator().refusedTaskSet(kind);
            assumeTrue(refused.isPresent(), "the hub refuses no task set on " + kind);
            AssetRef asset = simulator().seedAsset(kind, "Shared").ref();
            HubUserId user = memberId(seedMembers(1).get(0));

            HubFailure failure = catchThrowableOfType(
                    HubFailure.class, () -> assets().grant(credential(), asset, user, refused.get()));

            assertThat(failure).isInstanceOf(HubRejected.class);
            assertThat(grantsOn(asset)).extracting(AssetGrant::user).doesNotContain(user);
        }

        @Test
        void theFirstGrantsOfSeveralAssetsAreEachAssetsOwnAndLeaveOutUnknownAssets() {
            AssetKind kind = grantableKind();
            List<AssetRef> shared = new ArrayList<>();
            List<EmailAddress> people = seedMembers(3);
            Set<String> tasks = simulator().allowedTaskSets(kind).get(0);
            for (int i = 0; i < 3; i++) {
                AssetRef asset = simulator().seedAsset(kind, "Shared " + i).ref();
                assets().grant(credential(), asset, memberId(people.get(i)), tasks);
                shared.add(asset);
            }
            AssetRef unknown = new AssetRef(kind, simulator().unknownId());

            Map<AssetRef, Page<AssetGrant>> pages =
                    assets().grants(credential(), List.of(shared.get(0), unknown, shared.get(1), shared.get(2)), 100);

            assertThat(pages.keySet()).containsExactlyElementsOf(shared);
            for (int i = 0; i < 3; i++) {
                List<AssetGrant> alone = grantsOn(shared.get(i));
                AssetGrant granted = new AssetGrant(memberId(people.get(i)), tasks);
                assertThat(pages)
                        .hasEntrySatisfying(
                                shared.get(i),
                                page -> assertThat(page.items())
                                        .containsExactlyInAnyOrderElementsOf(alone)
                                        .contains(granted));
            }
        }

        @Test
        void grantsOnAnUnknownAssetAreNotFound() {
            AssetRef unknown = new AssetRef(grantableKind(), simulator().unknownId());

            assertThat(catchThrowableOfType(
                            HubFailure.class, () -> assets().grants(credential(), unknown, PageRequest.first(100))))
                    .isInstanceOf(HubNotFound.class);
        }
    }

    @Nested
    class LinkingProfiles {

        @Test
        void authorizeUrlCarriesStateAndRedirectUri() {
            URI url = profiles().authorizeUrl("state-456", simulator().redirectUri());

            assertThat(queryValues(url))
                    .contains("state-456", simulator().redirectUri().toString());
        }

        @Test
        void exchangedCodeIdentifiesTheProfile() {
            EmailAddress email = freshEmail("person");
            simulator().seedPerson(email, "Pat Person");

            ProfileIdentity identity = profiles().identify(profileToken(email));

            assertThat(identity.userId()).isNotBlank();
            assertThat(identity.name()).isEqualTo("Pat Person");
            assertThat(identity.email()).isIn(email, null);
        }

        @Test
        void invitedPersonIsPendingUntilTheyAcceptThenActive() {
            EmailAddress email = freshEmail("joiner");
            InvitationId invitation = connector()
                    .invite(credential(), new Invitee(email), partialRole())
                    .invitationId();
            Secret token = profileToken(email);

            ProfileMembership before = profiles().membership(credential(), token, email);
            simulator().acceptInvitation(email);
            ProfileMembership after = profiles().membership(credential(), token, email);

            assertThat(before).isEqualTo(new ProfileMembership.Pending(invitation));
            assertThat(after).isEqualTo(new ProfileMembership.Active(memberId(email), partialRole()));
        }

        @Test
        void memberIsActiveWithTheIdTheMemberListShows() {
            EmailAddress email = seedMembers(1).get(0);

            ProfileMembership membership = profiles().membership(credential(), profileToken(email), null);

            assertThat(membership).isEqualTo(new ProfileMembership.Active(memberId(email), partialRole()));
        }

        @Test
        void strangerIsAbsent() {
            EmailAddress email = freshEmail("stranger");
            simulator().seedPerson(email, "Sam Stranger");

            ProfileMembership membership = profiles().membership(credential(), profileToken(email), email);

            assertThat(membership.status()).isEqualTo(ProfileMembership.Status.ABSENT);
        }

        @Test
        void aStrangerNamingAMembersAddressIsNotActive() {
            EmailAddress member = seedMembers(1).get(0);
            EmailAddress stranger = freshEmail("impostor");
            simulator().seedPerson(stranger, "Ivy Impostor");

            ProfileMembership membership = profiles().membership(credential(), profileToken(stranger), member);

            assertThat(membership.status()).isEqualTo(ProfileMembership.Status.ABSENT);
        }

        @Test
        void expiredProfileTokenIsAuthExpired() {
            Secret forged = Secret.of("forged-profile-token");

            assertThat(catchThrowableOfType(HubFailure.class, () -> profiles().identify(forged)))
                    .isInstanceOf(HubAuthExpired.class);
        }
    }

    @Nested
    class WhenTheHubFails {

        @Test
        void reportsRateLimitWithRetryAfter() {
            simulator().throttleNextCall(Duration.ofMinutes(7));

            HubFailure failure = catchThrowableOfType(
                    HubFailure.class, () -> connector().members(credential(), PageRequest.first(100)));

            assertThat(failure).isInstanceOf(HubRateLimited.class);
            Optional<Duration> expected =
                    simulator().reportsRetryAfter() ? Optional.of(Duration.ofMinutes(7)) : Optional.empty();
            assertThat(((HubRateLimited) failure).retryAfter()).isEqualTo(expected);
        }

        @Test
        void theCallAfterAFailureIsUnaffected() {
            simulator().throttleNextCall(Duration.ofMinutes(1));
            HubFailure failure =
                    catchThrowableOfType(HubFailure.class, () -> connector().business(credential()));

            assertThat(failure).isInstanceOf(HubRateLimited.class);
            assertThat(connector().business(credential())).isEqualTo(simulator().business());
        }

        @Test
        void expiredTokenIsAuthExpiredNotRejected() {
            simulator().expireTokenOnNextCall();

            assertThat(catchThrowableOfType(HubFailure.class, () -> connector().business(credential())))
                    .isInstanceOf(HubAuthExpired.class);
        }

        @Test
        void serverErrorIsUnavailable() {
            for (int status : new int[] {500, 503}) {
                simulator().failNextCall(status);

                assertThat(catchThrowableOfType(
                                HubFailure.class, () -> connector().business(credential())))
                        .as("HTTP %d", status)
                        .isInstanceOf(HubUnavailable.class);
            }
        }

        @Test
        void serverErrorDuringAWriteIsUnavailable() {
            EmailAddress email = seedMembers(1).get(0);
            HubUserId id = memberId(email);
            simulator().failNextCall(500);

            assertThat(catchThrowableOfType(
                            HubFailure.class, () -> connector().changeRole(credential(), id, fullRole())))
                    .isInstanceOf(HubUnavailable.class);
        }

        @Test
        void failuresNeverRevealTheToken() {
            List<HubFailure> failures = new ArrayList<>();
            simulator().throttleNextCall(Duration.ofMinutes(1));
            failures.add(
                    catchThrowableOfType(HubFailure.class, () -> connector().business(credential())));
            simulator().expireTokenOnNextCall();
            failures.add(
                    catchThrowableOfType(HubFailure.class, () -> connector().business(credential())));
            simulator().failNextCall(500);
            failures.add(
                    catchThrowableOfType(HubFailure.class, () -> connector().business(credential())));
            failures.add(catchThrowableOfType(
                    HubFailure.class,
                    () -> connector()
                            .remove(credential(), new HubUserId(simulator().unknownId()))));

            assertThat(failures).doesNotContainNull().allSatisfy(failure -> {
                assertThat(credential().token().isIn(String.valueOf(failure.getMessage())))
                        .isFalse();
                assertThat(credential().token().isIn(failure.toString())).isFalse();
            });
        }
    }

    /** The provider of the connector's kind, as {@link ServiceLoader} finds it. */
    protected final HubConnectorProvider provider() {
        return ServiceLoader.load(HubConnectorProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(provider -> provider.kind() == connector().kind())
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError("no provider for " + connector().kind() + " on the class path"));
    }

    private static HubTransport transport() {
        return HubTransport.of(HttpClient.newHttpClient(), Clock.systemUTC());
    }

    private ServiceCredential credential() {
        return simulator().serviceCredential();
    }

    private HubRole fullRole() {
        return connector().roles().get(0);
    }

    private HubRole partialRole() {
        List<HubRole> roles = connector().roles();
        return roles.get(roles.size() - 1);
    }

    private EmailAddress freshEmail(String label) {
        sequence++;
        return EmailAddress.of(label + "." + sequence + "@tck.hubwarden.test");
    }

    private static List<InvitationRequest> requests(List<EmailAddress> emails, HubRole role) {
        return emails.stream()
                .map(email -> new InvitationRequest(new Invitee(email), role))
                .toList();
    }

    private List<EmailAddress> seedMembers(int count) {
        List<EmailAddress> emails = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            EmailAddress email = freshEmail("member");
            simulator().seedMember(email, "Member " + sequence, partialRole());
            emails.add(email);
        }
        return emails;
    }

    private List<HubMember> allMembers() {
        return PageWalk.of(page -> connector().members(credential(), page), 100).items();
    }

    private Optional<HubMember> member(EmailAddress email) {
        return allMembers().stream()
                .filter(member -> email.equals(member.email()))
                .findFirst();
    }

    private HubUserId memberId(EmailAddress email) {
        return member(email).map(HubMember::id).orElseThrow(() -> new AssertionError(email + " is not a member"));
    }

    private List<PendingInvitation> invitationsFor(EmailAddress email) {
        return PageWalk.of(page -> connector().invitations(credential(), page), 100).items().stream()
                .filter(invitation -> invitation.email().equals(email))
                .toList();
    }

    private AssetAccess assets() {
        Optional<AssetAccess> assets = connector().assets();
        assumeTrue(assets.isPresent(), "the connector does not share assets");
        return assets.get();
    }

    private List<AssetKind> kindsToExercise(boolean grantableOnly) {
        return assets().kinds().stream()
                .filter(kind -> !grantableOnly || kind.grantable())
                .map(AssetTasks::kind)
                .filter(simulator().seedableAssetKinds()::contains)
                .toList();
    }

    private AssetKind grantableKind() {
        List<AssetKind> kinds = kindsToExercise(true);
        assumeTrue(!kinds.isEmpty(), "no grantable asset kind the simulator can seed");
        return kinds.contains(AssetKind.AD_ACCOUNT) ? AssetKind.AD_ACCOUNT : kinds.get(0);
    }

    private List<String> tasksOffered(AssetKind kind) {
        return assets().kinds().stream()
                .filter(tasks -> tasks.kind() == kind)
                .flatMap(tasks -> tasks.tasks().stream())
                .toList();
    }

    private List<AssetGrant> grantsOn(AssetRef asset) {
        return PageWalk.of(page -> assets().grants(credential(), asset, page), 100)
                .items();
    }

    private ProfileLinking profiles() {
        return connector().profiles();
    }

    private Secret profileToken(EmailAddress person) {
        URI redirect = simulator().redirectUri();
        String code = simulator().authorizationCode(person, redirect);
        return profiles().exchange(code, redirect).accessToken();
    }

    private static Set<String> queryValues(URI url) {
        String query = url.getRawQuery();
        if (query == null) {
            return Set.of();
        }
        return Arrays.stream(query.split("&"))
                .map(pair -> pair.substring(pair.indexOf('=') + 1))
                .map(value -> URLDecoder.decode(value, StandardCharsets.UTF_8))
                .collect(Collectors.toSet());
    }
}
