/**
 * A faithful local stand-in for the TikTok Business Center: the Business API v1.3 endpoints for Business Centers, their
 * members, invitations and assets, the authorization page and token exchange, the invitation e-mail and its join page,
 * plus a control API for tests. {@link io.hubwarden.simulator.tiktok.TikTokSimulator} is the entry point.
 */
@NullMarked
package io.hubwarden.simulator.tiktok;

import org.jspecify.annotations.NullMarked;
