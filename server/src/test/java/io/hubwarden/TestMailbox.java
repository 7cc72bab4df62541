package io.hubwarden;

import io.hubwarden.simulator.mail.Mailbox;
import org.jspecify.annotations.Nullable;

/** The SMTP mailbox of this test JVM: started on a free port on first use, closed when the JVM ends. */
public final class TestMailbox {

    private static @Nullable Mailbox mailbox;

    private TestMailbox() {}

    /** The shared mailbox; tests address mail to unique recipients, so they do not see each other's mail. */
    public static synchronized Mailbox get() {
        if (mailbox == null) {
            var started = Mailbox.start(0, -1);
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
            mailbox = started;
        }
        return mailbox;
    }
}
