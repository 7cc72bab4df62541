package io.hubwarden;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The settings every test application starts with: this JVM's database ({@link TestDatabase}), the test mailbox,
 * a fresh master key and a public URL. They rank below test-specific properties and command-line arguments and
 * above application.yml, so a test can still override any of them.
 */
final class TestEnvironment implements EnvironmentPostProcessor {

    static final String PUBLIC_URL = "http://hubwarden.test";

    private static String masterKey = "";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        var settings = new HashMap<String, Object>(TestDatabase.settings());
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", String.valueOf(TestMailbox.get().smtpPort()));
        settings.put("hubwarden.public-url", PUBLIC_URL);
        settings.put("hubwarden.secrets.master-key", masterKey());
        var source = new MapPropertySource("hubwardenTestEnvironment", settings);
        var sources = environment.getPropertySources();
        var firstConfigFile = sources.stream()
                .filter(candidate -> candidate.getName().startsWith("Config resource"))
                .findFirst();
        if (firstConfigFile.isPresent()) {
            sources.addBefore(firstConfigFile.get().getName(), source);
        } else {
            sources.addLast(source);
        }
    }

    private static synchronized String masterKey() {
        if (masterKey.isEmpty()) {
            try {
                AeadConfig.register();
                var handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
                masterKey = TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Tink cannot create a test key", e);
            }
        }
        return masterKey;
    }
}
