/**
 * The embedded default: the server, the hub simulators and the mailbox in one JVM with demo data, for trying Hubwarden
 * with no setup. Never part of the production artifact.
 */
@NullMarked
package io.hubwarden.dev;

import org.jspecify.annotations.NullMarked;
