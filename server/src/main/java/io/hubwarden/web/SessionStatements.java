package io.hubwarden.web;

import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How Spring Session's statements run: its writes ({@code executeWithoutResult}: saving a session, its row and its
 * attributes, and deleting one) in a transaction of their own, as Spring Session does; its reads ({@code execute}:
 * finding a session, the sessions of a principal, and the single {@code DELETE} of expired ones) as the one statement
 * each is, without a transaction. A transaction around one {@code SELECT} adds nothing but its cost: on PostgreSQL a
 * {@code BEGIN} and a {@code COMMIT} round trip on every request that reads its session, and on any database the
 * transaction manager's work around them.
 */
final class SessionStatements implements TransactionOperations {

    private final TransactionTemplate writes;

    SessionStatements(PlatformTransactionManager transactions) {
        this.writes = new TransactionTemplate(transactions);
        this.writes.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public <T extends @Nullable Object> T execute(TransactionCallback<T> action) {
        return TransactionOperations.withoutTransaction().execute(action);
    }

    @Override
    public void executeWithoutResult(Consumer<TransactionStatus> action) {
        writes.executeWithoutResult(action);
    }
}
