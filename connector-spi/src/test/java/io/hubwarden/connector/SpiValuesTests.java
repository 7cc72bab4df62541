package io.hubwarden.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SpiValuesTests {

    @Nested
    class Secrets {

        @Test
        void neverShowThemselvesInText() {
            Secret token = Secret.of("EAAB-very-secret");

            assertThat(token.toString()).doesNotContain("EAAB");
            assertThat(new ServiceCredential(token).toString()).doesNotContain("EAAB");
            assertThat(token.reveal()).isEqualTo("EAAB-very-secret");
        }

        @Test
        void compareByValue() {
            assertThat(Secret.of("abc")).isEqualTo(Secret.of("abc")).isNotEqualTo(Secret.of("abd"));
        }

        @Test
        void refuseBlankValues() {
            assertThatIllegalArgumentException().isThrownBy(() -> Secret.of("  "));
        }
    }

    @Test
    void emailAddressesAreNormalised() {
        assertThat(EmailAddress.of("  Ana.Ruiz@Acme.TEST ")).isEqualTo(EmailAddress.of("ana.ruiz@acme.test"));
        assertThatIllegalArgumentException().isThrownBy(() -> EmailAddress.of("ana.acme.test"));
        assertThatIllegalArgumentException().isThrownBy(() -> EmailAddress.of("ana@acme"));
    }

    @Test
    void settingsListOnlyNamesInText() {
        HubSettings settings = HubSettings.of(Map.of("app_secret", "s3cr3t-value", "app_id", "42", "blank", " "));

        assertThat(settings.toString()).doesNotContain("s3cr3t").contains("app_id", "app_secret");
        assertThat(settings.names()).containsExactly("app_id", "app_secret");
        assertThat(settings.value("blank")).isEmpty();
        assertThat(settings.without("app_id").value("app_id")).isEmpty();
    }

    @Test
    void secretSettingsCannotHaveADefault() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SettingSpec("app_secret", "App secret", "", true, true, "default"));
    }

    @Nested
    class Paging {

        @Test
        void pageSizeMustBePositiveAndBounded() {
            assertThatIllegalArgumentException().isThrownBy(() -> PageRequest.first(0));
            assertThatIllegalArgumentException().isThrownBy(() -> PageRequest.first(PageRequest.MAX_SIZE + 1));
        }

        @Test
        void blankCursorIsNotTheFirstPage() {
            assertThatIllegalArgumentException().isThrownBy(() -> new PageRequest(" ", 10));
        }

        @Test
        void nextRequestKeepsTheSizeAndEndsOnTheLastPage() {
            PageRequest first = PageRequest.first(25);

            assertThat(new Page<>(List.of("a"), "c1").nextRequest(first)).contains(new PageRequest("c1", 25));
            assertThat(Page.last(List.of("a")).nextRequest(first)).isEmpty();
        }
    }

    @Nested
    class Receipts {

        @Test
        void alreadyMemberCarriesTheMemberNotAnInvitation() {
            InvitationReceipt receipt = InvitationReceipt.alreadyMember(new HubUserId("9001"));

            assertThat(receipt.memberId()).isEqualTo(new HubUserId("9001"));
            assertThatIllegalStateException().isThrownBy(receipt::invitationId);
        }

        @Test
        void outcomeAndIdsMustAgree() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new InvitationReceipt(InvitationOutcome.INVITED, null, new HubUserId("1")));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new InvitationReceipt(
                            InvitationOutcome.ALREADY_MEMBER, new InvitationId("7"), new HubUserId("1")));
        }
    }

    @Nested
    class InvitationResults {

        @Test
        void holdEitherAReceiptOrARefusal() {
            var receipt = InvitationReceipt.invited(new InvitationId("7"));
            var refusal = new HubRejected("100", "Invalid parameter", null);

            assertThat(InvitationResult.of(receipt).received()).isEqualTo(receipt);
            assertThat(InvitationResult.refused(refusal).refusal()).isEqualTo(refusal);
            assertThatThrownBy(() -> InvitationResult.refused(refusal).received())
                    .isSameAs(refusal);
            assertThatIllegalArgumentException().isThrownBy(() -> new InvitationResult(receipt, refusal));
            assertThatIllegalArgumentException().isThrownBy(() -> new InvitationResult(null, null));
        }

        @Test
        void refuseAFailureOfTheWholeHubAsOneInvitationsRefusal() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> InvitationResult.refused(new HubRateLimited("slow down", null, null)));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> InvitationResult.refused(new HubAuthExpired("token expired", null)));
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> InvitationResult.refused(new HubUnavailable("HTTP 503", null, null)));
            assertThat(InvitationResult.refused(new HubNotFound("gone", null)).refusal())
                    .isInstanceOf(HubNotFound.class);
        }
    }

    @Nested
    class Failures {

        @Test
        void carryTheHubTraceIdInTheMessage() {
            HubFailure failure = new HubNotFound("no such business user", "AbC123");

            assertThat(failure.traceId()).contains("AbC123");
            assertThat(failure.getMessage()).contains("AbC123");
        }

        @Test
        void rateLimitKeepsTheHubsWaitWhenGiven() {
            assertThat(new HubRateLimited("slow down", Duration.ofMinutes(3), null).retryAfter())
                    .contains(Duration.ofMinutes(3));
            assertThat(new HubRateLimited("slow down", null, null).retryAfter()).isEmpty();
        }

        @Test
        void rejectionKeepsTheHubCode() {
            HubRejected rejected = new HubRejected("100/1752129", "task combination not supported", "t1");

            assertThat(rejected.code()).isEqualTo("100/1752129");
            assertThat(rejected.getMessage()).contains("100/1752129", "task combination");
        }
    }

    @Test
    void membershipCasesNameThemselves() {
        ProfileMembership active =
                new ProfileMembership.Active(new HubUserId("9001"), new HubRole("ADMIN", "Full control"));

        assertThat(active.status()).isEqualTo(ProfileMembership.Status.ACTIVE);
        assertThat(new ProfileMembership.Absent().status()).isEqualTo(ProfileMembership.Status.ABSENT);
    }
}
