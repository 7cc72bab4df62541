package io.hubwarden.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stored sessions of which a request finds the one it saved itself as it saved it, without reading it back. Spring
 * Session saves a request's session when its response is committed and again when the request ends, and before the
 * second save it looks the requested session up once more only to learn whether it still exists, which the request
 * has just written. Any response whose body fills the response's buffer or its stated length is committed early, so
 * this was a second read of the session on nearly every page and JSON request: on PostgreSQL a third of a tenant-cards
 * request's round trips.
 *
 * <p>What a request saved is forgotten when it ends ({@link Scope}, placed around Spring Session's filter): a later
 * request always reads its session from the store, so that a session ended elsewhere (signed out on another node,
 * expired, deleted) is never found from memory. Outside a request nothing is remembered.
 */
final class SessionSavedInRequest<S extends Session> implements FindByIndexNameSessionRepository<S> {

    private static final ThreadLocal<@Nullable Map<String, Session>> SAVED = new ThreadLocal<>();

    private final FindByIndexNameSessionRepository<S> stored;

    SessionSavedInRequest(FindByIndexNameSessionRepository<S> stored) {
        this.stored = stored;
    }

    @Override
    public S createSession() {
        return stored.createSession();
    }

    @Override
    public void save(S session) {
        stored.save(session);
        var saved = SAVED.get();
        if (saved != null) {
            saved.put(session.getId(), session);
        }
    }

    @Override
    @SuppressWarnings("unchecked") // only sessions of this store are saved through it
    public @Nullable S findById(String id) {
        var saved = SAVED.get();
        var session = saved == null ? null : saved.get(id);
        return session != null ? (S) session : stored.findById(id);
    }

    @Override
    public void deleteById(String id) {
        var saved = SAVED.get();
        if (saved != null) {
            saved.remove(id);
        }
        stored.deleteById(id);
    }

    @Override
    public Map<String, S> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        return stored.findByIndexNameAndIndexValue(indexName, indexValue);
    }

    /** The request during which the sessions it saves are remembered; runs just before Spring Session's filter. */
    static final class Scope extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            SAVED.set(new HashMap<>(2));
            try {
                chain.doFilter(request, response);
            } finally {
                SAVED.remove();
            }
        }
    }
}
