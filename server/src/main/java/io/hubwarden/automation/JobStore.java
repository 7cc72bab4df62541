package io.hubwarden.automation;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.relational.core.sql.LockMode;
import org.springframework.data.relational.repository.Lock;
import org.springframework.data.repository.ListCrudRepository;

/**
 * The stored jobs. Claims are not made here but in {@link JobClaims}, where the SQL is the point. Workspaces are
 * queried by their raw id, as the job stores it: this module keeps no column conversion of another module's.
 */
interface JobStore extends ListCrudRepository<Job, JobId> {

    Optional<Job> findByWorkspaceIdAndIdempotencyKey(UUID workspaceId, String idempotencyKey);

    List<Job> findByWorkspaceIdAndIdempotencyKeyIn(UUID workspaceId, Collection<String> idempotencyKeys);

    Optional<Job> findByIdAndWorkspaceId(JobId id, UUID workspaceId);

    Page<Job> findByWorkspaceId(UUID workspaceId, Pageable page);

    Page<Job> findByWorkspaceIdAndHubId(UUID workspaceId, UUID hubId, Pageable page);

    /** The job, its row locked until the transaction ends, so that changes to one job happen one after another. */
    @Lock(LockMode.PESSIMISTIC_WRITE)
    Optional<Job> findLockedById(JobId id);
}
