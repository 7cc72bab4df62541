package io.hubwarden.web;

import io.hubwarden.workspace.SignInDetails;
import io.hubwarden.workspace.SignedInPerson;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;

/**
 * Reads a session's stored attributes as Spring Session does, by Java deserialization, except that the security
 * context of a signed-in person is deserialized once per distinct stored bytes instead of on every request, where it
 * was a tenth of a tenant-cards request.
 *
 * <p>The same bytes always deserialize to equal objects, so a read of known bytes gets what deserializing them would
 * give. It gets a context and an authentication of its own: signing out clears the context in place, and an
 * authentication can be marked unauthenticated. Only their immutable parts are shared (the {@link SignedInPerson},
 * the authorities, the {@link SignInDetails}), and only contexts made entirely of these are kept; anything else is
 * deserialized on every read. At most {@link #KEPT} contexts are kept, the least recently read leaving first.
 */
final class SessionAttributesRead implements Converter<byte[], Object> {

    static final int KEPT = 512;

    private final DeserializingConverter deserializing;
    private final int bound;
    private final Map<Stored, UsernamePasswordAuthenticationToken> signedIn = new LinkedHashMap<>(16, 0.75f, true);

    SessionAttributesRead(ClassLoader classLoader) {
        this(classLoader, KEPT);
    }

    SessionAttributesRead(ClassLoader classLoader, int bound) {
        this.deserializing = new DeserializingConverter(classLoader);
        this.bound = bound;
    }

    @Override
    public Object convert(byte[] source) {
        UsernamePasswordAuthenticationToken known;
        synchronized (this) {
            known = signedIn.get(new Stored(source));
        }
        if (known != null) {
            return new SecurityContextImpl(copy(known));
        }
        var read = deserializing.convert(source);
        var signedInToken = signedIn(read);
        if (signedInToken != null) {
            synchronized (this) {
                // Copied, since the bytes are the caller's to reuse.
                signedIn.put(new Stored(source.clone()), copy(signedInToken));
                var eldest = signedIn.values().iterator();
                while (signedIn.size() > bound) {
                    eldest.next();
                    eldest.remove();
                }
            }
        }
        return read;
    }

    /** How many contexts are kept. */
    synchronized int kept() {
        return signedIn.size();
    }

    /** The context's authentication if the context is made of nothing but immutable parts besides the two. */
    private static @Nullable UsernamePasswordAuthenticationToken signedIn(Object read) {
        if (read.getClass() == SecurityContextImpl.class
                && ((SecurityContextImpl) read).getAuthentication() instanceof UsernamePasswordAuthenticationToken token
                && token.getClass() == UsernamePasswordAuthenticationToken.class
                && token.isAuthenticated()
                && token.getPrincipal() instanceof SignedInPerson
                && token.getCredentials() == null
                && (token.getDetails() == null || token.getDetails().getClass() == SignInDetails.class)) {
            return token;
        }
        return null;
    }

    private static UsernamePasswordAuthenticationToken copy(UsernamePasswordAuthenticationToken token) {
        var copy = UsernamePasswordAuthenticationToken.authenticated(
                Objects.requireNonNull(token.getPrincipal()), null, token.getAuthorities());
        copy.setDetails(token.getDetails());
        return copy;
    }

    /** Stored bytes, compared by content. */
    private static final class Stored {

        private final byte[] bytes;
        private final int hash;

        Stored(byte[] bytes) {
            this.bytes = bytes;
            this.hash = Arrays.hashCode(bytes);
        }

        @Override
        public boolean equals(@Nullable Object other) {
            return other instanceof Stored stored && hash == stored.hash && Arrays.equals(bytes, stored.bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
