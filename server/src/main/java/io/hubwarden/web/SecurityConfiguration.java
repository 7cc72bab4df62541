package io.hubwarden.web;

import io.hubwarden.hub.Hubs;
import io.hubwarden.workspace.Permission;
import io.hubwarden.workspace.SignInDetails;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Two filter chains: the actuator (health public, the rest for Owners, Super Admins and the metrics scraper) and the
 * dashboard (form sign-in against {@code PasswordSignIn}, CSRF on every form, sessions in the database).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    /** Forms may also go to the hubs' sign-in pages: starting a sign-in is a form whose answer redirects there. */
    private static final String CONTENT_POLICY =
            "default-src 'self'; frame-ancestors 'none'; form-action 'self'%s; base-uri 'none'; object-src 'none'";

    /**
     * Sign-ins stay observed; every request and authorization decision does not. Observing them wraps each filter of
     * the chain in an observation of its own, which cost a sixth of a tenant-cards request, and the requests
     * themselves are measured once by the server's own observation ({@code http.server.requests}).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.withDefaults()
                .shouldObserveRequests(false)
                .shouldObserveAuthorizations(false)
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain actuator(HttpSecurity http, MetricsSettings metrics) {
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(requests -> requests.requestMatchers(EndpointRequest.to(HealthEndpoint.class))
                        .permitAll()
                        .anyRequest()
                        .hasAnyAuthority(Permission.MANAGE_WORKSPACE.name(), MetricsScraper.AUTHORITY))
                .authenticationManager(new ProviderManager(new MetricsScraper(metrics)))
                .httpBasic(Customizer.withDefaults())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain dashboard(HttpSecurity http, AuthenticationProvider passwordSignIn, Hubs hubs) {
        var signInOrigins =
                hubs.signInOrigins().stream().map(origin -> " " + origin).collect(Collectors.joining());
        var contentPolicy = String.format(Locale.ROOT, CONTENT_POLICY, signInOrigins);
        return http.authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/sign-in", "/invitations/**", "/css/**", "/webjars/**", "/favicon.ico", "/error")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/people/**")
                        .hasAuthority(Permission.MANAGE_PEOPLE.name())
                        .requestMatchers("/people/**")
                        .hasAuthority(Permission.VIEW_PEOPLE.name())
                        .anyRequest()
                        .authenticated())
                // Only this provider: Boot's global manager would run it a second time after a failure.
                .authenticationManager(new ProviderManager(passwordSignIn))
                .formLogin(form -> form.loginPage("/sign-in")
                        .loginProcessingUrl("/sign-in")
                        .usernameParameter("email")
                        .passwordParameter("password")
                        .authenticationDetailsSource(request ->
                                new SignInDetails(request.getRemoteAddr(), request.getParameter("workspace")))
                        .failureHandler(new SignInFailures())
                        .defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signed-out"))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(new SignInEntryPoint()))
                .headers(headers -> headers.contentSecurityPolicy(policy -> policy.policyDirectives(contentPolicy))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }
}
