/**
 * Outbound e-mail about access: tells a person that a hub was shared with them, where their dashboard is, and that
 * the hub sends its own invitation to accept. Only listens to events; no module depends on it.
 */
@NullMarked
package io.hubwarden.notification;

import org.jspecify.annotations.NullMarked;
