package io.hubwarden.platform;

import java.net.URI;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Installation-wide settings under {@code hubwarden.*}. Checked at start (see docs/configuration.md): a missing or
 * invalid one stops the start with a message naming it.
 *
 * @param publicUrl the address people use to reach this installation, for links in mails ({@code
 *     HUBWARDEN_PUBLIC_URL})
 * @param logFormat {@code text} (default) or {@code json} ({@code HUBWARDEN_LOG_FORMAT})
 * @param secrets where the master keyset comes from
 * @param mail outbound mail identity
 */
@ConfigurationProperties("hubwarden")
public record PlatformSettings(
        @Nullable URI publicUrl,
        @DefaultValue("text") String logFormat,
        @DefaultValue Secrets secrets,
        @DefaultValue Mail mail) {

    /**
     * The master keyset: inline or from a file, never both.
     *
     * @param masterKey a Tink JSON keyset ({@code HUBWARDEN_MASTER_KEY})
     * @param masterKeyFile a file holding one ({@code HUBWARDEN_MASTER_KEY_FILE})
     * @param generateDevKey create the file on first start if missing; for development only
     */
    public record Secrets(
            @Nullable String masterKey, @Nullable Path masterKeyFile, boolean generateDevKey) {

        /** Blank settings (an unset environment variable) count as unset. */
        public Secrets {
            masterKey = masterKey == null || masterKey.isBlank() ? null : masterKey;
            masterKeyFile = masterKeyFile == null || masterKeyFile.toString().isBlank() ? null : masterKeyFile;
        }

        /** Keeps the inline keyset out of logs. */
        @Override
        public String toString() {
            return "Secrets[masterKey=" + (masterKey == null ? "unset" : "***") + ", masterKeyFile=" + masterKeyFile
                    + ", generateDevKey=" + generateDevKey + "]";
        }
    }

    /**
     * Outbound mail identity.
     *
     * @param from the sender of Hubwarden's mails ({@code HUBWARDEN_MAIL_FROM}); unset means {@code
     *     Hubwarden <no-reply@host-of-the-public-url>}
     */
    public record Mail(@Nullable String from) {}

    /** The public URL without a trailing slash, so that {@code publicUrl() + "/path"} is well formed. */
    public String baseUrl() {
        if (publicUrl == null) {
            throw new IllegalStateException("hubwarden.public-url is checked at start and cannot be missing here");
        }
        var text = publicUrl.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    /** The sender address of outbound mail. */
    public String mailFrom() {
        var from = mail.from();
        if (from != null && !from.isBlank()) {
            return from.trim();
        }
        var host = publicUrl == null ? null : publicUrl.getHost();
        return "Hubwarden <no-reply@" + (host == null ? "localhost" : host) + ">";
    }
}
