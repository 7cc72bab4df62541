package io.hubwarden.connector.tiktok;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.hubwarden.connector.EmailAddress;
import io.hubwarden.connector.HubSettings;
import io.hubwarden.connector.HubTransport;
import io.hubwarden.connector.ServiceCredential;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reading the whole member list for several addresses, against a hub whose list is set per test: one whose total
 * changes between pages is what another caller inviting or removing someone meanwhile looks like.
 */
class MemberRowsTests {

    private static final String CENTER = "7000000000000000042";
    private static final ServiceCredential CREDENTIAL = ServiceCredential.of("act.rows-token");
    private static final EmailAddress BO = EmailAddress.of("bo@acme.test");
    private static final EmailAddress CY = EmailAddress.of("cy@acme.test");

    private final List<Integer> pagesAsked = new CopyOnWriteArrayList<>();
    private volatile int rows = 60;
    private volatile int rowsOnLaterPages = 60;
    private HttpServer hub;
    private MemberRows memberRows;

    @BeforeEach
    void start() throws IOException {
        hub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        hub.createContext("/", exchange -> {
            int page = Integer.parseInt(
                    query(exchange.getRequestURI().getRawQuery()).getOrDefault("page", "1"));
            pagesAsked.add(page);
            byte[] body = ApiWire.JSON.writeValueAsBytes(
                    Map.of("code", 0, "message", "OK", "request_id", "r" + page, "data", page(page)));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (exchange) {
                exchange.getResponseBody().write(body);
            }
        });
        hub.start();
        String base = "http://127.0.0.1:" + hub.getAddress().getPort();
        TikTokSettings settings = TikTokSettings.parse(HubSettings.of(Map.of(
                "app_id",
                "7000000000000000001",
                "secret",
                "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
                "bc_id",
                CENTER,
                "api_base_url",
                base,
                "auth_page_url",
                base + "/portal/auth")));
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        memberRows = new MemberRows(new BusinessApi(settings, HubTransport.of(http, Clock.systemUTC())), CENTER);
    }

    @AfterEach
    void stop() {
        hub.stop(0);
    }

    @Test
    void aListThatHeldStillAnswersForEveryAddressFromOneRead() {
        Optional<Map<EmailAddress, List<ApiWire.MemberRow>>> found =
                memberRows.withEmails(CREDENTIAL, Set.of(BO, CY, EmailAddress.of("row.3@acme.test")));

        assertThat(pagesAsked).containsExactly(1, 2);
        assertThat(found).hasValueSatisfying(rows -> {
            assertThat(rows).containsOnlyKeys(BO, EmailAddress.of("row.3@acme.test"));
            assertThat(rows.get(BO))
                    .extracting(ApiWire.MemberRow::relationStatus)
                    .containsExactly("BOUND");
        });
    }

    @Test
    void aListWhoseTotalChangedWhileItWasReadIsNotTrusted() {
        rowsOnLaterPages = 61;

        Optional<Map<EmailAddress, List<ApiWire.MemberRow>>> found = memberRows.withEmails(CREDENTIAL, Set.of(BO, CY));

        assertThat(pagesAsked).containsExactly(1, 2);
        assertThat(found).isEmpty();
    }

    @Test
    void aListOfMorePagesAfterTheFirstThanAddressesIsLeftUnread() {
        rows = 200;
        rowsOnLaterPages = 200;

        Optional<Map<EmailAddress, List<ApiWire.MemberRow>>> found = memberRows.withEmails(CREDENTIAL, Set.of(BO, CY));

        assertThat(pagesAsked).containsExactly(1);
        assertThat(found).isEmpty();
    }

    @Test
    void oneAddressIsLeftToItsOwnSearchWithoutAsking() {
        Optional<Map<EmailAddress, List<ApiWire.MemberRow>>> found = memberRows.withEmails(CREDENTIAL, Set.of(BO));

        assertThat(pagesAsked).isEmpty();
        assertThat(found).isEmpty();
    }

    /** A page of 50 invitations, row.0@… onwards, whose last row overall is Bo's seat. */
    private Map<String, Object> page(int page) {
        int total = page == 1 ? rows : rowsOnLaterPages;
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = (page - 1) * MemberRows.MAX_PAGE_SIZE; i < Math.min(page * MemberRows.MAX_PAGE_SIZE, total); i++) {
            boolean bo = i == total - 1;
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("user_id", bo ? "6801" : "0");
            row.put("user_name", bo ? "Bo Berg" : "");
            row.put("user_email", bo ? BO.value() : "row." + i + "@acme.test");
            row.put("user_role", "STANDARD");
            row.put("relation_status", bo ? "BOUND" : "PENDING");
            list.add(row);
        }
        int pages = (total + MemberRows.MAX_PAGE_SIZE - 1) / MemberRows.MAX_PAGE_SIZE;
        return Map.of(
                "list",
                list,
                "page_info",
                Map.of(
                        "page",
                        page,
                        "page_size",
                        MemberRows.MAX_PAGE_SIZE,
                        "total_number",
                        total,
                        "total_page",
                        pages));
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            query.put(
                    URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return query;
    }
}
