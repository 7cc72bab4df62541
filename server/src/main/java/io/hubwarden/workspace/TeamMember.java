package io.hubwarden.workspace;

import org.springframework.data.relational.core.mapping.Table;

/** One person's membership of a {@link Team}. */
@Table
record TeamMember(PersonId personId) {}
