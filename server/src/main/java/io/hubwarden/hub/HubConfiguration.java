package io.hubwarden.hub;

import io.hubwarden.platform.ColumnTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HubConfiguration {

    @Bean
    ColumnTypes hubColumnTypes() {
        return ColumnTypes.uuid(HubId.class, HubId::new, HubId::value)
                .and(ColumnTypes.uuid(HubAccountId.class, HubAccountId::new, HubAccountId::value));
    }
}
