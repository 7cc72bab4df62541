package io.hubwarden.automation;

import java.util.UUID;

/** The identity of a {@link Job}. */
public record JobId(UUID value) {

    /** Parses the canonical text form of a job id, as shown in URLs. */
    public static JobId of(String text) {
        return new JobId(UUID.fromString(text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
