/** A date/time service and its client. */
package io.groundwire.time;
