/**
 * Stand-ins for the world outside Hubwarden: the hubs' HTTP APIs, their consent and join pages, and a mailbox. Depends
 * on nothing of Hubwarden's.
 */
@NullMarked
package io.hubwarden.simulator;

import org.jspecify.annotations.NullMarked;
