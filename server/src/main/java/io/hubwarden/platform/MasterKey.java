package io.hubwarden.platform;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the master keyset from the settings, and creates the development one when allowed. */
final class MasterKey {

    private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

    static final String INLINE = "hubwarden.secrets.master-key";
    static final String FILE = "hubwarden.secrets.master-key-file";
    static final String INLINE_VARIABLE = "HUBWARDEN_MASTER_KEY";
    static final String FILE_VARIABLE = "HUBWARDEN_MASTER_KEY_FILE";

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private MasterKey() {}

    /** What is wrong with the master key settings, without creating anything; empty when they are usable. */
    static List<ConfigurationProblem> problems(PlatformSettings.Secrets secrets) {
        var problems = new ArrayList<ConfigurationProblem>();
        var inline = secrets.masterKey();
        var file = secrets.masterKeyFile();
        if (inline != null && file != null) {
            problems.add(new ConfigurationProblem(
                    INLINE_VARIABLE + " / " + FILE_VARIABLE,
                    INLINE + " / " + FILE,
                    "both are set; set only one of them"));
        } else if (inline != null) {
            readable(inline, INLINE_VARIABLE, INLINE, "is not a Tink JSON keyset holding an AEAD key", problems);
        } else if (file != null) {
            if (Files.isRegularFile(file)) {
                try {
                    readable(
                            Files.readString(file, StandardCharsets.UTF_8),
                            FILE_VARIABLE,
                            FILE,
                            "the file " + file + " does not hold a Tink JSON keyset with an AEAD key",
                            problems);
                } catch (IOException e) {
                    problems.add(new ConfigurationProblem(
                            FILE_VARIABLE, FILE, "the file " + file + " cannot be read (" + e.getMessage() + ")"));
                }
            } else if (!secrets.generateDevKey()) {
                problems.add(new ConfigurationProblem(FILE_VARIABLE, FILE, "the file " + file + " does not exist"));
            }
        } else {
            problems.add(new ConfigurationProblem(
                    INLINE_VARIABLE + " or " + FILE_VARIABLE,
                    INLINE + " or " + FILE,
                    "no master key is configured; it seals hub and profile tokens (create one with Tinkey:"
                            + " tinkey create-keyset --key-template AES256_GCM)"));
        }
        return problems;
    }

    /** The AEAD primitive of the configured keyset; creates the development key file when allowed and missing. */
    static Aead aead(PlatformSettings.Secrets secrets) {
        try {
            return handle(secrets).getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException | IOException e) {
            // The start-up check has already read the same settings, so this is a race with the file system.
            throw new IllegalStateException(
                    "The master keyset cannot be loaded: " + e.getClass().getSimpleName(), e);
        }
    }

    private static KeysetHandle handle(PlatformSettings.Secrets secrets) throws GeneralSecurityException, IOException {
        var inline = secrets.masterKey();
        if (inline != null) {
            return parse(inline);
        }
        var file = secrets.masterKeyFile();
        if (file == null) {
            throw new IllegalStateException("No master key is configured");
        }
        if (!Files.exists(file) && secrets.generateDevKey()) {
            generate(file);
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static void generate(Path file) throws GeneralSecurityException, IOException {
        var handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        var json = TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        var parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, json, StandardCharsets.UTF_8);
        log.warn(
                "Created a DEVELOPMENT master key at {}. It is not for production: there, set {} or {} to a key"
                        + " kept outside the database and backed up.",
                file.toAbsolutePath(),
                INLINE_VARIABLE,
                FILE_VARIABLE);
    }

    private static void readable(
            String json, String variable, String property, String problem, List<ConfigurationProblem> problems) {
        try {
            parse(json).getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            // The cause is not shown: it could quote part of the key.
            problems.add(new ConfigurationProblem(variable, property, problem));
        }
    }

    private static KeysetHandle parse(String json) throws GeneralSecurityException {
        return TinkJsonProtoKeysetFormat.parseKeyset(json, InsecureSecretKeyAccess.get());
    }
}
