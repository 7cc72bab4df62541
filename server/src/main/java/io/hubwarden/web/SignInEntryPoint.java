package io.hubwarden.web;

import io.hubwarden.platform.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * What an anonymous request for a protected page gets: browsers go to the sign-in page, htmx requests are told to
 * go there, and clients that ask for JSON get a 401 problem.
 */
final class SignInEntryPoint implements AuthenticationEntryPoint {

    private static final String SIGN_IN = "/sign-in";

    private final JacksonJsonHttpMessageConverter json = new JacksonJsonHttpMessageConverter();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refusal)
            throws IOException {
        var signIn = request.getContextPath() + SIGN_IN;
        if (request.getHeader("HX-Request") != null) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("HX-Redirect", signIn);
            return;
        }
        var accept = request.getHeader("Accept");
        if (accept != null && accept.contains("json") && !accept.contains("text/html")) {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            var problem = ProblemType.UNAUTHENTICATED.toProblem("Sign in to use this resource.");
            json.write(problem, MediaType.APPLICATION_PROBLEM_JSON, new ServletServerHttpResponse(response));
            return;
        }
        response.sendRedirect(signIn);
    }
}
