package io.hubwarden.platform;

import org.springframework.data.relational.core.mapping.NamingStrategy;
import org.springframework.data.relational.core.mapping.RelationalPersistentEntity;

/**
 * Spring Data JDBC's default naming (snake_case tables and columns), except that a child table refers to its
 * aggregate root by {@code <root>_id} (as in {@code team_member.team_id}) rather than by a bare {@code team}
 * column. Explicit names in {@code @MappedCollection} are avoided: they are quoted as written, which H2 and
 * PostgreSQL fold differently.
 */
final class ColumnNaming implements NamingStrategy {

    @Override
    public String getReverseColumnName(RelationalPersistentEntity<?> owner) {
        return getTableName(owner.getType()) + "_id";
    }
}
