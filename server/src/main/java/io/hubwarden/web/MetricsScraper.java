package io.hubwarden.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** Checks the metrics scraper's HTTP Basic credentials against {@link MetricsSettings}, in constant time. */
final class MetricsScraper implements AuthenticationProvider {

    static final String AUTHORITY = "SCRAPE_METRICS";

    private final MetricsSettings settings;

    MetricsScraper(MetricsSettings settings) {
        this.settings = settings;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        var expected = settings.password();
        var given = request.getCredentials() instanceof String text ? text : "";
        // Both comparisons always run, so the time taken does not tell which part was wrong.
        var sameName = equal(request.getName(), settings.username());
        var samePassword = expected != null && equal(given, expected);
        if (!sameName || !samePassword) {
            throw new BadCredentialsException("Wrong metrics credentials");
        }
        return UsernamePasswordAuthenticationToken.authenticated(
                settings.username(), null, List.of(new SimpleGrantedAuthority(AUTHORITY)));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private static boolean equal(String given, String expected) {
        return MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
