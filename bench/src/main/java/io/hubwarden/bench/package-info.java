/**
 * Benchmark scenarios: the real server against the Meta simulator over loopback HTTP, a real database (H2 or
 * PostgreSQL, a fresh one per run) and the mailbox as SMTP. Each scenario prints the machine it ran on, its figures
 * and their ratio to the target; none of it is shipped with the product.
 */
@NullMarked
package io.hubwarden.bench;

import org.jspecify.annotations.NullMarked;
