/**
 * Cross-cutting pieces with no domain: typed ids, the clock, problem details and the sealing of secrets. Depends on no
 * other module.
 */
@NullMarked
package io.hubwarden.platform;

import org.jspecify.annotations.NullMarked;
