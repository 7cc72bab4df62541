package io.hubwarden.simulator.meta;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A Graph error as Meta reports it: {@code {"error":{"message","type","code","error_subcode","fbtrace_id",...}}}
 * with a non-2xx status. Thrown anywhere while answering a Graph request and rendered once by {@link GraphApi}.
 */
final class GraphFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter EXPIRY_FORMAT = DateTimeFormatter.ofPattern(
                    "EEEE, dd-MMM-yy HH:mm:ss 'PST'", Locale.ENGLISH)
            .withZone(ZoneOffset.ofHours(-8));

    final int status;
    final int code;
    final int subcode;
    final String type;
    final boolean transientError;
    final Map<String, String> headers;

    GraphFailure(int status, int code, int subcode, String type, String message, boolean transientError) {
        this(status, code, subcode, type, message, transientError, Map.of());
    }

    GraphFailure(
            int status,
            int code,
            int subcode,
            String type,
            String message,
            boolean transientError,
            Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.subcode = subcode;
        this.type = type;
        this.transientError = transientError;
        this.headers = Map.copyOf(headers);
    }

    GraphFailure withHeaders(Map<String, String> more) {
        return new GraphFailure(status, code, subcode, type, getMessage(), transientError, more);
    }

    @Override
    public String getMessage() {
        String message = super.getMessage();
        return message == null ? "" : message;
    }

    static GraphFailure missingToken() {
        return new GraphFailure(
                400, 190, 0, "OAuthException", "An access token is required to request this resource.", false);
    }

    static GraphFailure invalidToken() {
        return new GraphFailure(
                400, 190, 0, "OAuthException", "Invalid OAuth access token - Cannot parse access token", false);
    }

    static GraphFailure expiredToken(Instant expiredAt, Instant now) {
        return new GraphFailure(
                400,
                190,
                463,
                "OAuthException",
                "Error validating access token: Session has expired on " + EXPIRY_FORMAT.format(expiredAt)
                        + ". The current time is " + EXPIRY_FORMAT.format(now) + ".",
                false);
    }

    static GraphFailure notAuthorized(String appId) {
        return new GraphFailure(
                400,
                190,
                458,
                "OAuthException",
                "Error validating access token: The user has not authorized application " + appId + ".",
                false);
    }

    /** A proof that does not match the token; Meta's edge error tables list this as 104. */
    static GraphFailure wrongProof() {
        return new GraphFailure(
                400, 104, 0, "OAuthException", "(#104) Invalid appsecret_proof provided in the API argument", false);
    }

    /** No proof although the app requires one: Meta answers this as a 100 GraphMethodException. */
    static GraphFailure missingProof() {
        return new GraphFailure(
                400,
                100,
                0,
                "GraphMethodException",
                "API calls from the server require an appsecret_proof argument",
                false);
    }

    static GraphFailure unsupported(String method, String id) {
        return new GraphFailure(
                400,
                100,
                33,
                "GraphMethodException",
                "Unsupported " + method.toLowerCase(Locale.ROOT) + " request. Object with ID '" + id
                        + "' does not exist, cannot be loaded due to missing permissions, or does not support this"
                        + " operation. Please read the Graph API documentation at"
                        + " https://developers.facebook.com/docs/graph-api",
                false);
    }

    static GraphFailure unknownPath(String path) {
        return new GraphFailure(400, 2500, 0, "OAuthException", "Unknown path components: " + path, false);
    }

    static GraphFailure nonexistingField(String field, String nodeType) {
        return invalidParameter("Tried accessing nonexisting field (" + field + ") on node type (" + nodeType + ")");
    }

    static GraphFailure missingParameter(String name) {
        return invalidParameter("The parameter " + name + " is required");
    }

    static GraphFailure invalidParameter(String detail) {
        return new GraphFailure(400, 100, 0, "OAuthException", "(#100) " + detail, false);
    }

    static GraphFailure taskCombination(String detail) {
        return new GraphFailure(400, 100, 1_752_129, "OAuthException", "(#100) " + detail, false);
    }

    static GraphFailure missingPermission(String permission) {
        return new GraphFailure(
                403,
                200,
                0,
                "OAuthException",
                "(#200) Requires " + permission + " permission to manage the object",
                false);
    }

    static GraphFailure notAdmin() {
        return new GraphFailure(
                403, 10, 0, "OAuthException", "(#10) Only people with full control of the business can do this", false);
    }

    static GraphFailure noCurrentUser() {
        return new GraphFailure(
                400,
                2500,
                0,
                "OAuthException",
                "An active access token must be used to query information about the current user.",
                false);
    }

    static GraphFailure oauth(int code, int subcode, String message) {
        return new GraphFailure(400, code, subcode, "OAuthException", message, false);
    }

    static GraphFailure server(int status, int code) {
        String message = code == 2
                ? "An unexpected error has occurred. Please retry your request later."
                : "An unknown error occurred";
        return new GraphFailure(status, code, 0, "OAuthException", message, true);
    }

    static GraphFailure throttled(int code) {
        int subcode = 0;
        String message;
        if (code == 4) {
            message = "(#4) Application request limit reached";
        } else if (code == 17) {
            subcode = 2_446_079;
            message = "(#17) User request limit reached";
        } else if (code == 32) {
            message = "(#32) Page request limit reached";
        } else if (code == 613) {
            subcode = 1_487_742;
            message = "(#613) Calls to this api have exceeded the rate limit.";
        } else {
            subcode = 2_446_079;
            message = "(#" + code + ") There have been too many calls to this ad-account. Wait a bit and try again."
                    + " For more info, please refer to"
                    + " https://developers.facebook.com/docs/graph-api/overview/rate-limiting#ads-management.";
        }
        return new GraphFailure(400, code, subcode, "OAuthException", message, true);
    }

    /** The error object, without the {@code "error"} wrapper. */
    Map<String, @Nullable Object> body(String traceId) {
        Map<String, @Nullable Object> error = new LinkedHashMap<>();
        error.put("message", getMessage());
        error.put("type", type);
        error.put("code", code);
        if (subcode != 0) {
            error.put("error_subcode", subcode);
        }
        error.put("is_transient", transientError);
        if (subcode == 463 || subcode == 458) {
            error.put("error_user_title", "Session expired");
            error.put("error_user_msg", "Please log in again to continue.");
        }
        error.put("fbtrace_id", traceId);
        return error;
    }
}
