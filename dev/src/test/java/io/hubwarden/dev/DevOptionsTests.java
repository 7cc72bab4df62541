package io.hubwarden.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DevOptionsTests {

    @Test
    void defaultsAreThePortsTheReadmeNames() {
        var options = DevOptions.parse(new String[0], Map.of());

        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.smtpPort()).isEqualTo(2525);
        assertThat(options.mailboxPort()).isEqualTo(8025);
        assertThat(options.metaPort()).isEqualTo(8090);
        assertThat(options.metaHttpsPort()).isEqualTo(8443);
        assertThat(options.tiktokPort()).isEqualTo(8095);
        assertThat(options.dataDirectory()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(options.serverArguments()).isEmpty();
    }

    @Test
    void commandLineWinsOverTheEnvironment() {
        var options = DevOptions.parse(
                new String[] {"--port=9080"}, Map.of("HUBWARDEN_DEV_PORT", "7080", "HUBWARDEN_DEV_META_PORT", "7090"));

        assertThat(options.port()).isEqualTo(9080);
        assertThat(options.metaPort()).isEqualTo(7090);
    }

    @Test
    void theTikTokSimulatorsPortIsAnOptionToo() {
        var options =
                DevOptions.parse(new String[] {"--tiktok-port=9095"}, Map.of("HUBWARDEN_DEV_TIKTOK_PORT", "7095"));

        assertThat(options.tiktokPort()).isEqualTo(9095);
        assertThat(DevOptions.parse(new String[0], Map.of("HUBWARDEN_DEV_TIKTOK_PORT", "7095"))
                        .tiktokPort())
                .isEqualTo(7095);
    }

    @Test
    void unknownArgumentsGoToTheServer() {
        var options = DevOptions.parse(new String[] {"--logging.level.io.hubwarden=DEBUG", "--data=/tmp/x"}, Map.of());

        assertThat(options.serverArguments()).containsExactly("--logging.level.io.hubwarden=DEBUG");
        assertThat(options.dataDirectory()).isEqualTo(Path.of("/tmp/x"));
    }

    @Test
    void aPortThatIsNoNumberIsRefusedWithItsName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> DevOptions.parse(new String[] {"--smtp-port=mail"}, Map.of()))
                .withMessageContaining("--smtp-port")
                .withMessageContaining("HUBWARDEN_DEV_SMTP_PORT");
    }

    @Test
    void simulatorHttpsCanBeSwitchedOff() {
        assertThat(DevOptions.parse(new String[] {"--meta-https-port=-1"}, Map.of())
                        .metaHttpsPort())
                .isEqualTo(-1);
    }
}
