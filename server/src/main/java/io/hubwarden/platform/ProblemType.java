package io.hubwarden.platform;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * A kind of RFC 9457 problem with a stable {@code type} URI. Clients may switch on the URI; its slug never changes
 * once released. Modules declare their own specific types with {@link #of}; the generic ones live here.
 *
 * @param slug the last segment of the type URI, kebab-case
 * @param title a short, human-readable summary that does not vary between occurrences
 * @param status the HTTP status that goes with it
 */
public record ProblemType(String slug, String title, HttpStatus status) {

    /** Where every Hubwarden problem type URI starts. */
    public static final String BASE = "https://hubwarden.io/problems/";

    public static final ProblemType INVALID_REQUEST =
            of("invalid-request", "The request is not valid", HttpStatus.BAD_REQUEST);
    public static final ProblemType UNAUTHENTICATED =
            of("unauthenticated", "Sign-in required", HttpStatus.UNAUTHORIZED);
    public static final ProblemType FORBIDDEN = of("forbidden", "Not allowed", HttpStatus.FORBIDDEN);
    public static final ProblemType NOT_FOUND = of("not-found", "Not found", HttpStatus.NOT_FOUND);
    public static final ProblemType CONFLICT = of("conflict", "Conflicts with the current state", HttpStatus.CONFLICT);
    public static final ProblemType TOO_MANY_REQUESTS =
            of("too-many-requests", "Too many requests", HttpStatus.TOO_MANY_REQUESTS);
    public static final ProblemType INTERNAL_ERROR =
            of("internal-error", "Something went wrong on our side", HttpStatus.INTERNAL_SERVER_ERROR);

    public ProblemType {
        if (!slug.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("A problem slug is kebab-case: " + slug);
        }
    }

    public static ProblemType of(String slug, String title, HttpStatus status) {
        return new ProblemType(slug, title, status);
    }

    /** The generic type for an HTTP status, for errors that no module has named. */
    public static ProblemType forStatus(int status) {
        if (status == 400) {
            return INVALID_REQUEST;
        }
        if (status == 401) {
            return UNAUTHENTICATED;
        }
        if (status == 403) {
            return FORBIDDEN;
        }
        if (status == 404) {
            return NOT_FOUND;
        }
        if (status == 409) {
            return CONFLICT;
        }
        if (status == 429) {
            return TOO_MANY_REQUESTS;
        }
        var resolved = HttpStatus.resolve(status);
        if (resolved == null || resolved.is5xxServerError()) {
            return INTERNAL_ERROR;
        }
        return of("http-" + status, resolved.getReasonPhrase(), resolved);
    }

    public URI type() {
        return URI.create(BASE + slug);
    }

    /** A problem body of this type; {@code detail} explains this occurrence and must not contain secrets. */
    public ProblemDetail toProblem(String detail) {
        var problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type());
        problem.setTitle(title);
        return problem;
    }
}
