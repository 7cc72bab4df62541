package io.hubwarden.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Stored sessions whose time of last access is handed on to the store at most once a minute. Spring Session sets it
 * on every request, which marks the session changed, and saving a changed session is a transaction with an update
 * even when the update then writes nothing: a tenth of a tenant-cards request. A session whose only change is an
 * access within a minute of the stored one is now saved without a statement.
 */
final class AccessRecordedOncePerMinute
        implements FindByIndexNameSessionRepository<AccessRecordedOncePerMinute.Accessed> {

    static final Duration RECORDED_EVERY = Duration.ofMinutes(1);

    private final FindByIndexNameSessionRepository<Session> stored;

    AccessRecordedOncePerMinute(FindByIndexNameSessionRepository<Session> stored) {
        this.stored = stored;
    }

    @Override
    public Accessed createSession() {
        return new Accessed(stored.createSession());
    }

    @Override
    public void save(Accessed session) {
        stored.save(session.stored);
    }

    @Override
    public @Nullable Accessed findById(String id) {
        var session = stored.findById(id);
        return session == null ? null : new Accessed(session);
    }

    @Override
    public void deleteById(String id) {
        stored.deleteById(id);
    }

    @Override
    public Map<String, Accessed> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        return stored.findByIndexNameAndIndexValue(indexName, indexValue).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> new Accessed(entry.getValue())));
    }

    /** A stored session that keeps an access within a minute of the stored one to itself. */
    static final class Accessed implements Session {

        private final Session stored;
        private @Nullable Instant lastAccessed;

        Accessed(Session stored) {
            this.stored = stored;
        }

        @Override
        public void setLastAccessedTime(Instant time) {
            if (time.isBefore(stored.getLastAccessedTime().plus(RECORDED_EVERY))) {
                lastAccessed = time;
            } else {
                lastAccessed = null;
                stored.setLastAccessedTime(time);
            }
        }

        @Override
        public Instant getLastAccessedTime() {
            return lastAccessed == null ? stored.getLastAccessedTime() : lastAccessed;
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        @SuppressWarnings("TypeParameterUnusedInFormals") // Session's own signature
        public <T> @Nullable T getAttribute(String name) {
            return stored.getAttribute(name);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String name, @Nullable Object value) {
            stored.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            stored.removeAttribute(name);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        /** As stored: a session lapses up to a minute before its idle timeout, as the store sees it. */
        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
