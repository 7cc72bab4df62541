/**
 * A faithful local stand-in for Meta Business Manager: the Graph API's business, people, invitation and asset
 * endpoints, Facebook Login's dialog and token exchange, the invitation e-mail and its join page, plus a control API
 * for tests. {@link io.hubwarden.simulator.meta.MetaSimulator} is the entry point.
 */
@NullMarked
package io.hubwarden.simulator.meta;

import org.jspecify.annotations.NullMarked;
