/**
 * The signed-in person's tenant cards: the dashboard of hubs shared with them (also as JSON), connecting their own
 * hub profile through the hub's sign-in, and asking for the hub's invitation again.
 */
@NullMarked
package io.hubwarden.web.cards;

import org.jspecify.annotations.NullMarked;
