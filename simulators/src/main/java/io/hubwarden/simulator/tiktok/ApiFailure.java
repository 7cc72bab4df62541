package io.hubwarden.simulator.tiktok;

/**
 * A refusal in TikTok's envelope: a return code from TikTok's list ({@code tiktok_code.py}) and its message, answered
 * with HTTP 200 like every business error.
 */
final class ApiFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final int INVALID_PARAMS = 40002;
    static final int NO_PERMISSION = 40001;
    static final int NOT_EXIST = 40007;
    static final int TOO_FREQUENT = 40100;
    static final int INVALID_APP = 40101;
    static final int TOKEN_EXPIRED = 40102;
    static final int TOKEN_EMPTY = 40104;
    static final int TOKEN_INVALID = 40105;
    static final int AUTH_CODE_INVALID = 40110;
    static final int SYSTEM_ERROR = 50000;

    private final int code;

    ApiFailure(int code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    int code() {
        return code;
    }

    static ApiFailure invalid(String message) {
        return new ApiFailure(INVALID_PARAMS, message);
    }

    static ApiFailure notFound(String message) {
        return new ApiFailure(NOT_EXIST, message);
    }
}
