package io.hubwarden.web;

import io.hubwarden.platform.Database;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * How sessions are read from and written to the database.
 *
 * <ul>
 *   <li>A session is read with its one statement alone, outside a transaction; it is written, and deleted, in a
 *       transaction of its own ({@link SessionStatements}).
 *   <li>Attributes are written with an upsert: the first requests of a session often arrive together (a page and its
 *       background requests), each storing the same new attribute, such as the CSRF token; a plain insert would fail
 *       all but the first with a duplicate key.
 *   <li>The time of last access is written at most once a minute, unless something else about the session changed
 *       (its id at sign-in, its principal, its timeout). Otherwise every request, reads included, would write and
 *       commit the session's row, and on PostgreSQL leave a dead row version behind. A session therefore lapses up to
 *       a minute before its idle timeout.
 *   <li>Neither is a session saved at all when its only change is an access within a minute of the stored one
 *       ({@link AccessRecordedOncePerMinute}): the update above would write nothing, but it still cost a transaction.
 *   <li>A session a request has saved is not read back by the same request ({@link SessionSavedInRequest}), which
 *       Spring Session did on every request whose response was committed before its end.
 *   <li>A signed-in person's security context is deserialized once per distinct stored bytes, not on every request
 *       ({@link SessionAttributesRead}).
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
class SessionStorage {

    private static final String H2_UPSERT = "MERGE INTO %TABLE_NAME%_ATTRIBUTES"
            + " (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES) KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)"
            + " VALUES (?, ?, ?)";

    /**
     * Spring Session's update, binding its values once as {@code v}, written only when something besides a recent
     * access time changed. PostgreSQL updates from the values (as every version does; {@code MERGE} needs 15), H2
     * merges them.
     */
    private static final String NEW_VALUES = """
            (SELECT CAST(? AS CHAR(36)) AS session_id, CAST(? AS BIGINT) AS last_access_time,
                    CAST(? AS INT) AS max_inactive_interval, CAST(? AS BIGINT) AS expiry_time,
                    CAST(? AS VARCHAR(100)) AS principal_name, CAST(? AS CHAR(36)) AS primary_id) v""";

    private static final String CHANGED = """
            (s.session_id <> v.session_id
             OR s.max_inactive_interval <> v.max_inactive_interval
             OR s.principal_name IS DISTINCT FROM v.principal_name
             OR s.last_access_time < v.last_access_time - 60000)""";

    private static final String SET = """
            session_id = v.session_id, last_access_time = v.last_access_time,
            max_inactive_interval = v.max_inactive_interval, expiry_time = v.expiry_time,
            principal_name = v.principal_name""";

    private static final String POSTGRES_TOUCH = "UPDATE %TABLE_NAME% s SET " + SET + " FROM " + NEW_VALUES
            + " WHERE s.primary_id = v.primary_id AND " + CHANGED;

    private static final String H2_TOUCH = "MERGE INTO %TABLE_NAME% s USING " + NEW_VALUES
            + " ON s.primary_id = v.primary_id WHEN MATCHED AND " + CHANGED + " THEN UPDATE SET " + SET;

    /**
     * Hands the requests the stored sessions through {@link SessionSavedInRequest} and {@link
     * AccessRecordedOncePerMinute}, and has the store run its statements as {@link SessionStatements} says. The
     * latter is set on Spring Session's configuration rather than declared as a {@code TransactionOperations} bean,
     * which would replace the application's {@code TransactionTemplate}.
     */
    @Bean
    static BeanPostProcessor accessRecordedOncePerMinute(ObjectProvider<PlatformTransactionManager> transactions) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof JdbcHttpSessionConfiguration configuration) {
                    configuration.setTransactionOperations(new SessionStatements(transactions.getObject()));
                }
                return bean;
            }

            @Override
            @SuppressWarnings("unchecked")
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JdbcIndexedSessionRepository sessions
                        ? new SessionSavedInRequest<>(
                                new AccessRecordedOncePerMinute((FindByIndexNameSessionRepository<Session>)
                                        (FindByIndexNameSessionRepository<?>) sessions))
                        : bean;
            }
        };
    }

    /** The requests during which a session saved is found as saved ({@link SessionSavedInRequest}). */
    @Bean
    FilterRegistrationBean<SessionSavedInRequest.Scope> sessionSavedInRequest(
            @Value("${spring.session.servlet.filter-order:" + SessionRepositoryFilter.DEFAULT_ORDER + "}")
                    int sessionFilterOrder) {
        var registration = new FilterRegistrationBean<>(new SessionSavedInRequest.Scope());
        registration.setOrder(sessionFilterOrder - 1);
        return registration;
    }

    @Bean
    SessionAttributesRead sessionAttributesRead(ConfigurableListableBeanFactory beans) {
        return new SessionAttributesRead(Objects.requireNonNull(beans.getBeanClassLoader()));
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionReads(SessionAttributesRead read) {
        var conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        conversions.addConverter(byte[].class, Object.class, read);
        return repository -> repository.setConversionService(conversions);
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionWrites(Database database) {
        return repository -> {
            if (database.postgres()) {
                new PostgreSqlJdbcIndexedSessionRepositoryCustomizer().customize(repository);
                repository.setUpdateSessionQuery(POSTGRES_TOUCH);
            } else {
                repository.setCreateSessionAttributeQuery(H2_UPSERT);
                repository.setUpdateSessionQuery(H2_TOUCH);
            }
        };
    }
}
