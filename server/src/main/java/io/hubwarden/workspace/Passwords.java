package io.hubwarden.workspace;

import java.util.Map;
import java.util.Objects;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password rules and hashing: Argon2id with 19 MiB of memory, 2 passes, 1 lane, a 16-byte salt and a 32-byte hash
 * (the OWASP baseline, see ADR 0004). Hashes carry an {@code {argon2}} prefix so that stronger parameters or another
 * function can be introduced later without invalidating stored hashes.
 */
@Component
class Passwords {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int LANES = 1;
    private static final int MEMORY_KIB = 19 * 1024;
    private static final int PASSES = 2;

    /**
     * The hash of a password no one has, with the parameters above, checked when there is no real hash to check.
     * Precomputed so that starting does not spend a hash; {@code PasswordsTests} keeps its parameters in step.
     */
    static final String UNUSED_HASH =
            "{argon2}$argon2id$v=19$m=19456,t=2,p=1$Nlp88RSeGdJ5ldiTsSjNdA$rRaYQEbIaDK3DfaEKhNvgO+uoH6ZNTW0SDokTwIJmP4";

    private final PasswordEncoder encoder;
    private final int minimumLength;

    Passwords(WorkspaceSettings settings) {
        var argon2 = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, LANES, MEMORY_KIB, PASSES);
        this.encoder = new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2));
        this.minimumLength = settings.minimumPasswordLength();
    }

    /**
     * Hashes a new password after checking the rules.
     *
     * @throws PasswordTooWeak when it is too short or too long
     */
    String hash(String password) {
        if (password.length() < minimumLength || password.length() > WorkspaceSettings.MAXIMUM_PASSWORD_LENGTH) {
            throw new PasswordTooWeak(minimumLength, WorkspaceSettings.MAXIMUM_PASSWORD_LENGTH);
        }
        return encode(password);
    }

    boolean matches(String password, String hash) {
        return password.length() <= WorkspaceSettings.MAXIMUM_PASSWORD_LENGTH && encoder.matches(password, hash);
    }

    private String encode(String password) {
        return Objects.requireNonNull(encoder.encode(password), "the encoder returns a hash for every password");
    }

    /** Spends the time of one check when there is no hash to check, so timing does not tell which emails exist. */
    void checkNothing(String password) {
        encoder.matches(password, UNUSED_HASH);
    }
}
