/**
 * Outbound e-mail about access: tells a person that a hub was shared with them, where their dashboard is, and that
 * the hub sends its own invitation to accept. Mail is written to an outbox in the transaction of the change and sent
 * from there by every node, retried until the relay takes it. Only listens to events; no module depends on it.
 */
@NullMarked
package io.hubwarden.notification;

import org.jspecify.annotations.NullMarked;
