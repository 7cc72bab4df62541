/**
 * The hub connector SPI: one {@code HubConnectorProvider} per hub kind, discovered with {@link java.util.ServiceLoader},
 * and the typed records and failures that every connector speaks. Plain Java: no Spring, no Jackson.
 */
@NullMarked
package io.hubwarden.connector;

import org.jspecify.annotations.NullMarked;
