package io.hubwarden.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows a module writes in its caller's transaction, collected and written together right before the transaction
 * commits, and whenever {@code batch} of them are waiting: a transaction that writes thousands of rows then sends a
 * few statements instead of one each. A failure to write them fails the commit, so the rows commit with the change or
 * not at all. Outside a transaction each row is written at once.
 *
 * @param <T> a row, as the writer takes it
 */
public final class CommitBatches<T> {

    private final int batch;
    private final Consumer<List<T>> writer;
    private final Runnable afterCommit;

    /**
     * @param batch how many rows are written in one go at most
     * @param writer writes rows in the current transaction, such as with one JDBC batch
     * @param afterCommit runs once after each transaction that wrote rows commits (and after each row written
     *     outside a transaction), such as waking what reads them
     */
    public CommitBatches(int batch, Consumer<List<T>> writer, Runnable afterCommit) {
        if (batch < 1) {
            throw new IllegalArgumentException("a batch holds at least one row");
        }
        this.batch = batch;
        this.writer = writer;
        this.afterCommit = afterCommit;
    }

    /** Adds a row to the current transaction's, or writes it at once outside a transaction. */
    public void add(T row) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            writer.accept(List.of(row));
            afterCommit.run();
            return;
        }
        var waiting = (Waiting) TransactionSynchronizationManager.getResource(this);
        if (waiting == null) {
            waiting = new Waiting();
            TransactionSynchronizationManager.bindResource(this, waiting);
            TransactionSynchronizationManager.registerSynchronization(waiting);
        }
        waiting.rows.add(row);
        if (waiting.rows.size() >= batch) {
            waiting.flush();
        }
    }

    /** The rows of one transaction not written yet; bound to the transaction while it runs. */
    private final class Waiting implements TransactionSynchronization {

        private final List<T> rows = new ArrayList<>();

        @Override
        public void flush() {
            if (!rows.isEmpty()) {
                writer.accept(List.copyOf(rows));
                rows.clear();
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            flush();
        }

        @Override
        public void afterCommit() {
            afterCommit.run();
        }

        @Override
        public void afterCompletion(int status) {
            rows.clear();
            TransactionSynchronizationManager.unbindResourceIfPossible(CommitBatches.this);
        }
    }
}
