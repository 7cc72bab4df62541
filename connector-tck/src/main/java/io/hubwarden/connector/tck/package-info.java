/** The contract suite (TCK) that every hub connector extends and runs against its hub's simulator. */
@NullMarked
package io.hubwarden.connector.tck;

import org.jspecify.annotations.NullMarked;
