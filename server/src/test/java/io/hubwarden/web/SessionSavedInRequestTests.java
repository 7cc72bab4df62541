package io.hubwarden.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.Filter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.web.http.SessionRepositoryFilter;

/** Spring Session's own filter over a store in memory that counts its reads, with and without a request's memory. */
class SessionSavedInRequestTests {

    private static final int LARGER_THAN_THE_BUFFER = 64 * 1024;

    private final CountedStore store = new CountedStore();
    private final MapSession stored = store.aSession();

    @Test
    void aRequestWhoseResponseIsCommittedEarlyReadsItsSessionOnce() throws Exception {
        var found = request(new SessionSavedInRequest<>(store), true);

        assertThat(found).isTrue();
        assertThat(store.reads).isEqualTo(1);
    }

    @Test
    void withoutTheRequestsMemorySpringSessionReadsTheSessionTwice() throws Exception {
        var found = request(new SessionSavedInRequest<>(store), false);

        assertThat(found).isTrue();
        assertThat(store.reads).isEqualTo(2);
    }

    @Test
    void theNextRequestReadsTheStoreAndDoesNotFindASessionEndedElsewhere() throws Exception {
        var sessions = new SessionSavedInRequest<>(store);
        request(sessions, true);

        store.deleteById(stored.getId());

        assertThat(request(sessions, true)).isFalse();
        assertThat(store.reads).isEqualTo(2);
    }

    @Test
    void outsideARequestEveryFindReadsTheStore() {
        var sessions = new SessionSavedInRequest<>(store);
        sessions.save(Objects.requireNonNull(sessions.findById(stored.getId())));

        sessions.findById(stored.getId());

        assertThat(store.reads).isEqualTo(2);
    }

    @Test
    void aSessionDeletedDuringTheRequestIsNotFoundAsSaved() throws Exception {
        var sessions = new SessionSavedInRequest<>(store);
        var scope = new SessionSavedInRequest.Scope();
        var chain = new MockFilterChain(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) {
                sessions.save(Objects.requireNonNull(sessions.findById(stored.getId())));
                sessions.deleteById(stored.getId());
                assertThat(sessions.findById(stored.getId())).isNull();
            }
        });

        scope.doFilter(requestWithCookie(), new MockHttpServletResponse(), chain);

        assertThat(store.reads).isEqualTo(2);
    }

    /** One request with the stored session's cookie that reads its session and writes a large body. */
    private boolean request(SessionSavedInRequest<MapSession> sessions, boolean withMemory) throws Exception {
        var found = new boolean[1];
        var servlet = new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
                HttpSession session = request.getSession(false);
                found[0] = session != null;
                response.getOutputStream().write(new byte[LARGER_THAN_THE_BUFFER]);
            }
        };
        Filter sessionFilter = new SessionRepositoryFilter<>(sessions);
        var chain = withMemory
                ? new MockFilterChain(servlet, new SessionSavedInRequest.Scope(), sessionFilter)
                : new MockFilterChain(servlet, sessionFilter);
        chain.doFilter(requestWithCookie(), new MockHttpServletResponse());
        return found[0];
    }

    private MockHttpServletRequest requestWithCookie() {
        var request = new MockHttpServletRequest("GET", "/api/me/cards");
        request.setCookies(new Cookie(
                "SESSION", Base64.getEncoder().encodeToString(stored.getId().getBytes(StandardCharsets.UTF_8))));
        return request;
    }

    /** Sessions in memory, counting the reads by id. */
    private static final class CountedStore implements FindByIndexNameSessionRepository<MapSession> {

        private final Map<String, Session> kept = new ConcurrentHashMap<>();
        private final MapSessionRepository sessions = new MapSessionRepository(kept);
        int reads;

        MapSession aSession() {
            var session = sessions.createSession();
            sessions.save(session);
            return session;
        }

        @Override
        public MapSession createSession() {
            return sessions.createSession();
        }

        @Override
        public void save(MapSession session) {
            sessions.save(session);
        }

        @Override
        public @Nullable MapSession findById(String id) {
            reads++;
            return sessions.findById(id);
        }

        @Override
        public void deleteById(String id) {
            sessions.deleteById(id);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }
}
