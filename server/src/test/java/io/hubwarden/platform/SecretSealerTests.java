package io.hubwarden.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretSealerTests {

    private final SecretSealer sealer = sealerWithNewKey();

    @Test
    void opensWhatItSealedWithTheSameAssociatedData() {
        var sealed = sealer.seal("EAAB-token-value", "hub:1:service-token");

        assertThat(sealer.open(sealed, "hub:1:service-token")).isEqualTo("EAAB-token-value");
    }

    @Test
    void sealedTextDoesNotContainThePlaintext() {
        var sealed = sealer.seal("EAAB-token-value", "hub:1:service-token");

        assertThat(sealed).doesNotContain("EAAB").matches("[A-Za-z0-9_-]+");
    }

    @Test
    void sealingTwiceGivesDifferentText() {
        assertThat(sealer.seal("same", "row")).isNotEqualTo(sealer.seal("same", "row"));
    }

    @Test
    void valueSealedForOneRowDoesNotOpenForAnother() {
        var sealed = sealer.seal("EAAB-token-value", "hub:1:service-token");

        assertThatThrownBy(() -> sealer.open(sealed, "hub:2:service-token"))
                .isInstanceOf(SecretUnreadable.class)
                .hasMessageContaining("hub:2:service-token")
                .hasMessageNotContaining("EAAB");
    }

    @Test
    void alteredValueDoesNotOpen() {
        var bytes = Base64.getUrlDecoder().decode(sealer.seal("EAAB-token-value", "row"));
        bytes[bytes.length - 1] ^= 1;
        var altered = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThatThrownBy(() -> sealer.open(altered, "row")).isInstanceOf(SecretUnreadable.class);
    }

    @Test
    void valueSealedWithAnotherKeyDoesNotOpen() {
        var sealed = sealerWithNewKey().seal("EAAB-token-value", "row");

        assertThatThrownBy(() -> sealer.open(sealed, "row")).isInstanceOf(SecretUnreadable.class);
    }

    @Test
    void textThatIsNotSealedDoesNotOpen() {
        assertThatThrownBy(() -> sealer.open("not base64 at all!", "row")).isInstanceOf(SecretUnreadable.class);
    }

    static SecretSealer sealerWithNewKey() {
        return new SecretSealer(MasterKey.aead(new PlatformSettings.Secrets(newKeyset(), null, false)));
    }

    static String newKeyset() {
        try {
            var handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            return TinkJsonProtoKeysetFormat.serializeKeyset(handle, InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
