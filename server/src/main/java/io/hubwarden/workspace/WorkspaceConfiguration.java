package io.hubwarden.workspace;

import io.hubwarden.platform.ColumnTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WorkspaceConfiguration {

    @Bean
    ColumnTypes workspaceColumnTypes() {
        return ColumnTypes.uuid(WorkspaceId.class, WorkspaceId::new, WorkspaceId::value)
                .and(ColumnTypes.uuid(PersonId.class, PersonId::new, PersonId::value))
                .and(ColumnTypes.uuid(TeamId.class, TeamId::new, TeamId::value))
                .and(ColumnTypes.uuid(InvitationId.class, InvitationId::new, InvitationId::value));
    }
}
