/** Benchmarks and the peers they measure against; never part of a release. */
package io.groundwire.benchmarks;
