package io.hubwarden.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.AbstractFilterRegistrationBean;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

@DashboardTest
class SessionStorageTests {

    @Autowired
    SessionRepository<?> repository;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SessionAttributesRead reads;

    @Autowired
    ListableBeanFactory beans;

    @Test
    void anAccessWithinAMinuteOfTheStoredOneIsNotWritten() {
        var stored = aStoredSession();
        var session = sessions().findById(stored.getId());
        assertThat(session).isNotNull();

        var accessed = stored.getLastAccessedTime().plusSeconds(59);
        session.setLastAccessedTime(accessed);
        sessions().save(session);

        assertThat(session.getLastAccessedTime()).isEqualTo(accessed);
        assertThat(storedAccessOf(stored))
                .isEqualTo(stored.getLastAccessedTime().toEpochMilli());
    }

    @Test
    void anAccessAMinuteAfterTheStoredOneIsWritten() {
        var stored = aStoredSession();
        var session = sessions().findById(stored.getId());
        assertThat(session).isNotNull();

        var accessed = stored.getLastAccessedTime().plus(Duration.ofMinutes(1)).plusMillis(1);
        session.setLastAccessedTime(accessed);
        sessions().save(session);

        assertThat(storedAccessOf(stored)).isEqualTo(accessed.toEpochMilli());
    }

    @Test
    void anAttributeIsWrittenEvenWithARecentAccess() {
        var stored = aStoredSession();
        var session = sessions().findById(stored.getId());
        assertThat(session).isNotNull();

        session.setLastAccessedTime(stored.getLastAccessedTime().plusSeconds(1));
        session.setAttribute("colour", "teal");
        sessions().save(session);

        var found = sessions().findById(stored.getId());
        assertThat(found).isNotNull();
        assertThat(found.<String>getAttribute("colour")).isEqualTo("teal");
    }

    @Test
    void aNewSessionWhoseAttributeCannotBeStoredIsNotStoredAtAll() {
        var session = sessions().createSession();
        session.setAttribute("unstorable", new Object());

        assertThatThrownBy(() -> sessions().save(session)).isInstanceOf(RuntimeException.class);

        assertThat(sessions().findById(session.getId())).isNull();
    }

    @Test
    void aStoredSessionIsReadBackWithItsAttributes() {
        var session = sessions().createSession();
        session.setAttribute("colour", "teal");
        sessions().save(session);

        var found = sessions().findById(session.getId());

        assertThat(found).isNotNull();
        assertThat(found.<String>getAttribute("colour")).isEqualTo("teal");
    }

    @Test
    void aSignedInPersonsStoredContextIsKeptOnceReadAndEveryReadGetsItsOwn() {
        var session = sessions().createSession();
        var context = SessionAttributesReadTests.signedIn("ana@example.com");
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        sessions().save(session);
        var keptBefore = reads.kept();

        var first = sessions().findById(session.getId());
        var again = sessions().findById(session.getId());

        assertThat(first).isNotNull();
        assertThat(again).isNotNull();
        SecurityContext firstContext =
                first.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        SecurityContext againContext =
                again.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(firstContext).isEqualTo(context);
        assertThat(againContext).isEqualTo(context).isNotSameAs(firstContext);
        assertThat(reads.kept()).isEqualTo(Math.min(keptBefore + 1, SessionAttributesRead.KEPT));
    }

    @Test
    void requestsReadTheStoredSessionsThroughTheRequestsMemory() {
        assertThat(repository).isInstanceOf(SessionSavedInRequest.class);
    }

    @Test
    void theRequestsMemoryBeginsBeforeSpringSessionsFilterAndEndsAfterIt() {
        int memory = Integer.MAX_VALUE;
        int sessions = Integer.MIN_VALUE;
        for (var registration :
                beans.getBeansOfType(AbstractFilterRegistrationBean.class).values()) {
            if (registration instanceof FilterRegistrationBean<?> bean
                    && bean.getFilter() instanceof SessionSavedInRequest.Scope) {
                memory = bean.getOrder();
            } else if (registration instanceof DelegatingFilterProxyRegistrationBean proxy
                    && proxy.getFilterName().equals("springSessionRepositoryFilter")) {
                sessions = proxy.getOrder();
            }
        }
        assertThat(memory).isLessThan(sessions);
    }

    private Session aStoredSession() {
        var session = sessions().createSession();
        session.setLastAccessedTime(session.getLastAccessedTime().truncatedTo(ChronoUnit.MILLIS));
        sessions().save(session);
        return session;
    }

    @SuppressWarnings("unchecked")
    private SessionRepository<Session> sessions() {
        return (SessionRepository<Session>) repository;
    }

    private long storedAccessOf(Session session) {
        return jdbc.sql("select last_access_time from spring_session where session_id = :id")
                .param("id", session.getId())
                .query(Long.class)
                .single();
    }
}
