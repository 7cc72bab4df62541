package io.hubwarden.bench;

/** A daemon thread that takes a sample every few milliseconds from when it is made until it is stopped. */
final class Sampler {

    private final Thread thread;
    private volatile boolean running = true;

    Sampler(String name, long millis, Runnable sample) {
        thread = new Thread(
                () -> {
                    while (running) {
                        sample.run();
                        try {
                            Thread.sleep(millis);
                        } catch (InterruptedException interrupted) {
                            return;
                        }
                    }
                },
                name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops sampling and waits for a sample under way to end. */
    void stop() {
        running = false;
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
