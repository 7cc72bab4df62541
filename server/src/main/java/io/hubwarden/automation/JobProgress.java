package io.hubwarden.automation;

/**
 * How far a running job has come, as its handler last reported it: {@code done} of {@code total} steps, and a short
 * label such as "Importing members, page 3".
 */
public record JobProgress(int done, int total, String label) {

    static final int MAX_LABEL = 200;

    public JobProgress {
        if (done < 0 || total < 0 || done > total) {
            throw new IllegalArgumentException("progress needs 0 <= done <= total, got " + done + "/" + total);
        }
        if (label.length() > MAX_LABEL) {
            throw new IllegalArgumentException("a progress label is at most " + MAX_LABEL + " characters");
        }
    }
}
