package io.hubwarden.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterKeyTests {

    @TempDir
    Path folder;

    @Test
    void missingKeyIsAProblemNamingBothVariables() {
        var problems = MasterKey.problems(new PlatformSettings.Secrets(null, null, false));

        assertThat(problems)
                .singleElement()
                .satisfies(problem -> assertThat(problem.variable())
                        .contains("HUBWARDEN_MASTER_KEY")
                        .contains("HUBWARDEN_MASTER_KEY_FILE"));
    }

    @Test
    void blankSettingsCountAsMissing() {
        var problems = MasterKey.problems(new PlatformSettings.Secrets("  ", Path.of(""), false));

        assertThat(problems)
                .singleElement()
                .satisfies(problem -> assertThat(problem.problem()).contains("no master key"));
    }

    @Test
    void inlineKeyAndFileTogetherAreAProblem() {
        var problems = MasterKey.problems(
                new PlatformSettings.Secrets(SecretSealerTests.newKeyset(), folder.resolve("key.json"), false));

        assertThat(problems)
                .singleElement()
                .satisfies(problem -> assertThat(problem.problem()).contains("only one"));
    }

    @Test
    void malformedInlineKeyIsAProblemThatDoesNotQuoteIt() {
        var problems = MasterKey.problems(new PlatformSettings.Secrets("{\"secret-looking\": 42", null, false));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.variable()).isEqualTo("HUBWARDEN_MASTER_KEY");
            assertThat(problem.problem()).doesNotContain("secret-looking");
        });
    }

    @Test
    void missingKeyFileIsAProblemUnlessADevelopmentKeyMayBeCreated() {
        var file = folder.resolve("master-key.json");

        assertThat(MasterKey.problems(new PlatformSettings.Secrets(null, file, false)))
                .singleElement()
                .satisfies(problem -> assertThat(problem.problem()).contains("does not exist"));
        assertThat(MasterKey.problems(new PlatformSettings.Secrets(null, file, true)))
                .isEmpty();
    }

    @Test
    void developmentKeyIsCreatedOnceReadableOnlyByItsOwnerAndReusedLater() throws IOException {
        var file = folder.resolve("data/master-key.json");
        var secrets = new PlatformSettings.Secrets(null, file, true);

        var sealed = new SecretSealer(MasterKey.aead(secrets)).seal("token", "row");
        var reopened = new SecretSealer(MasterKey.aead(secrets)).open(sealed, "row");

        assertThat(reopened).isEqualTo("token");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(MasterKey.problems(new PlatformSettings.Secrets(null, file, false)))
                .isEmpty();
    }

    @Test
    void keyFileThatIsNotAKeysetIsAProblem() throws IOException {
        var file = Files.writeString(folder.resolve("key.json"), "hello");

        assertThat(MasterKey.problems(new PlatformSettings.Secrets(null, file, false)))
                .singleElement()
                .satisfies(problem -> assertThat(problem.variable()).isEqualTo("HUBWARDEN_MASTER_KEY_FILE"));
    }
}
