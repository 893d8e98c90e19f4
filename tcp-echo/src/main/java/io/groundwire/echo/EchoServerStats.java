package io.groundwire.echo;

/**
 * A snapshot of an {@link EchoServer}'s counters since it started.
 *
 * @param accepted TCP connections accepted (including those refused for being over the limit)
 * @param active conversations open right now
 * @param refused connections closed at once because {@link EchoServerOptions#maxConnections()} were open
 * @param idleClosed conversations closed because they were idle longer than the idle timeout
 * @param bytesIn TCP bytes read from clients
 * @param bytesOut TCP bytes written back to clients
 * @param datagrams UDP datagrams echoed
 */
public record EchoServerStats(
    long accepted, long active, long refused, long idleClosed, long bytesIn, long bytesOut, long datagrams) {}
