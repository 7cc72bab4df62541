package io.hubwarden.access;

import io.hubwarden.platform.ColumnTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AccessConfiguration {

    @Bean
    ColumnTypes accessColumnTypes() {
        return ColumnTypes.uuid(ShareId.class, ShareId::new, ShareId::value)
                .and(ColumnTypes.uuid(MembershipId.class, MembershipId::new, MembershipId::value));
    }
}
