package io.groundwire.time;

/**
 * Counters of a running {@link TimeService}, read at one moment.
 *
 * @param sntpReplies SNTP mode 4 replies sent
 * @param kissOfDeathSent SNTP kiss-o'-death RATE packets sent to clients over their limit
 * @param malformedDatagrams SNTP datagrams ignored: shorter than 48 bytes, not mode 3, bad version
 * @param rateLimited requests refused over any protocol because the client was over its limit
 * @param daytimeReplies Daytime lines sent (TCP and UDP)
 * @param timeReplies RFC 868 values sent (TCP and UDP)
 */
public record TimeServiceStats(
    long sntpReplies,
    long kissOfDeathSent,
    long malformedDatagrams,
    long rateLimited,
    long daytimeReplies,
    long timeReplies) {}
