/** The Hubwarden application root; each sub-package is one application module. */
@NullMarked
package io.hubwarden;

import org.jspecify.annotations.NullMarked;
