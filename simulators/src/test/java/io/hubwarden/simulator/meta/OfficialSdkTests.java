package io.hubwarden.simulator.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.facebook.ads.sdk.APIContext;
import com.facebook.ads.sdk.APIException;
import com.facebook.ads.sdk.APINodeList;
import com.facebook.ads.sdk.AdAccount;
import com.facebook.ads.sdk.AssignedUser;
import com.facebook.ads.sdk.BusinessRoleRequest;
import com.facebook.ads.sdk.Page;
import com.google.gson.JsonParser;
import io.hubwarden.simulator.LoggedRequest;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Meta's official Java Business SDK, pointed at the simulator's HTTPS listener, drives the people and asset flows.
 * Nothing in the simulator knows about the SDK: if it works here, it follows the SDK's wire habits (multipart bodies,
 * trailing slashes, verbatim {@code paging.next}, {@code appsecret_proof}).
 */
class OfficialSdkTests {

    private AcmeAds acme;
    private APIContext context;
    private SSLSocketFactory previousFactory;
    private HostnameVerifier previousVerifier;

    @BeforeEach
    void pointTheSdkAtTheSimulator() {
        acme = AcmeAds.requiringAppsecretProof();
        previousFactory = HttpsURLConnection.getDefaultSSLSocketFactory();
        previousVerifier = HttpsURLConnection.getDefaultHostnameVerifier();
        HttpsURLConnection.setDefaultSSLSocketFactory(
                acme.meta.clientSslContext().getSocketFactory());
        String base = acme.meta.httpsBaseUrl().toString();
        context = new APIContext(base, base, "v24.0", acme.token, AcmeAds.APP_SECRET, AcmeAds.APP_ID, false);
    }

    @AfterEach
    void restoreTheJvmDefaults() {
        HttpsURLConnection.setDefaultSSLSocketFactory(previousFactory);
        HttpsURLConnection.setDefaultHostnameVerifier(previousVerifier);
        acme.close();
    }

    @Test
    void listsBusinessUsersAcrossPagesByFollowingNext() throws APIException {
        for (int i = 0; i < 7; i++) {
            acme.member("person" + i + "@acme.test", "Person " + i, "EMPLOYEE");
        }
        List<String> emails = new ArrayList<>();

        APINodeList<com.facebook.ads.sdk.BusinessUser> page = new com.facebook.ads.sdk.Business(
                        acme.business.id(), context)
                .getBusinessUsers()
                .setParam("limit", 3)
                .requestField("email")
                .requestField("role")
                .execute();
        int pages = 0;
        while (page != null) {
            pages++;
            page.forEach(user -> emails.add(user.getFieldEmail()));
            page = page.nextPage();
        }

        assertThat(pages).isGreaterThanOrEqualTo(3);
        assertThat(emails).hasSize(8).doesNotHaveDuplicates().contains(AcmeAds.OWNER, "person6@acme.test");
        assertThat(acme.meta.requestLog())
                .extracting(LoggedRequest::path)
                .allMatch(path -> path.startsWith("/v24.0/" + acme.business.id() + "/business_users"));
    }

    @Test
    void invitesByEmailAndListsThePendingInvitation() throws APIException {
        com.facebook.ads.sdk.BusinessUser invited = new com.facebook.ads.sdk.Business(acme.business.id(), context)
                .createBusinessUser()
                .setEmail("bo@acme.test")
                .setRole(com.facebook.ads.sdk.BusinessUser.EnumRole.VALUE_EMPLOYEE)
                .execute();

        APINodeList<BusinessRoleRequest> pending = new com.facebook.ads.sdk.Business(acme.business.id(), context)
                .getPendingUsers()
                .setEmail("bo@acme.test")
                .requestField("email")
                .requestField("status")
                .requestField("invite_link")
                .execute();

        assertThat(invited.getId()).isNotBlank();
        assertThat(pending).singleElement().satisfies(request -> {
            assertThat(request.getId()).isEqualTo(invited.getId());
            assertThat(request.getFieldStatus()).isEqualTo("PENDING");
            assertThat(request.getFieldInviteLink()).startsWith(acme.meta.baseUrl() + "/invitation/?token=");
        });
        assertThat(acme.mailbox.mailsTo("bo@acme.test")).hasSize(1);
    }

    @Test
    void changesARole() throws APIException {
        BusinessUser ana = acme.member("ana@acme.test", "Ana Ruiz", "EMPLOYEE");

        new com.facebook.ads.sdk.BusinessUser(ana.id(), context)
                .update()
                .setRole(com.facebook.ads.sdk.BusinessUser.EnumRole.VALUE_ADMIN)
                .execute();
        com.facebook.ads.sdk.BusinessUser read = new com.facebook.ads.sdk.BusinessUser(ana.id(), context)
                .get()
                .requestField("role")
                .execute();

        assertThat(read.getFieldRole()).isEqualTo("ADMIN");
    }

    @Test
    void assignsAnAdAccountAndAPageWithTasksAndReadsThemBack() throws APIException {
        BusinessUser ana = acme.member("ana@acme.test", "Ana Ruiz", "EMPLOYEE");
        Asset account = acme.meta.seedAsset(acme.business.id(), AssetType.AD_ACCOUNT, "Acme EU");
        Asset page = acme.meta.seedAsset(acme.business.id(), AssetType.PAGE, "Acme");

        new AdAccount(account.id(), context)
                .createAssignedUser()
                .setUser(ana.id())
                .setTasks(List.of(AdAccount.EnumTasks.VALUE_ADVERTISE, AdAccount.EnumTasks.VALUE_ANALYZE))
                .execute();
        new Page(page.id(), context)
                .createAssignedUser()
                .setUser(ana.id())
                .setTasks(List.of(Page.EnumTasks.VALUE_ANALYZE))
                .execute();
        APINodeList<AssignedUser> onAccount = new AdAccount(account.id(), context)
                .getAssignedUsers()
                .setBusiness(acme.business.id())
                .requestField("tasks")
                .requestField("user_type")
                .execute();
        APINodeList<AssignedUser> onPage = new Page(page.id(), context)
                .getAssignedUsers()
                .setBusiness(acme.business.id())
                .requestField("tasks")
                .execute();

        assertThat(onAccount).singleElement().satisfies(user -> {
            assertThat(user.getId()).isEqualTo(ana.id());
            assertThat(user.getFieldUserType()).isEqualTo("BUSINESS_USER");
            assertThat(JsonParser.parseString(user.getRawValue())
                            .getAsJsonObject()
                            .get("tasks")
                            .toString())
                    .isEqualTo("[\"ADVERTISE\",\"ANALYZE\"]");
        });
        assertThat(onPage)
                .singleElement()
                .satisfies(user -> assertThat(user.getId()).isEqualTo(ana.id()));
    }

    @Test
    void removesAPersonAndTheirAssignments() throws APIException {
        BusinessUser ana = acme.member("ana@acme.test", "Ana Ruiz", "EMPLOYEE");
        Asset account = acme.meta.seedAsset(acme.business.id(), AssetType.AD_ACCOUNT, "Acme EU");
        acme.meta.assign(account.id(), ana.id(), List.of("ANALYZE"));

        new com.facebook.ads.sdk.BusinessUser(ana.id(), context).delete().execute();
        APIException gone = catchThrowableOfType(
                APIException.class,
                () -> new com.facebook.ads.sdk.BusinessUser(ana.id(), context)
                        .get()
                        .execute());

        assertThat(acme.meta.businessUsers(acme.business.id()))
                .extracting(BusinessUser::id)
                .containsExactly(acme.owner.id());
        assertThat(acme.meta.assignments(account.id())).isEmpty();
        assertThat(gone).isNotNull();
        assertThat(gone.getMessage()).contains("\"error_subcode\":33");
    }
}
