/**
 * An in-process SMTP server that keeps every message it receives, with a web page to read them: the inbox of every
 * simulated person, and of Hubwarden's own outbound mail in development and tests.
 */
@NullMarked
package io.hubwarden.simulator.mail;

import org.jspecify.annotations.NullMarked;
