package io.groundwire.time;

import java.io.IOException;

/**
 * Something that can tell how far the local clock is off: an SNTP server, the HTTP time API, an RFC
 * 868 or Daytime server, any web server's Date header. {@link FallbackChain} tries several in turn.
 */
public interface TimeSource {
  /** What this source is, as a URI ("sntp://pool.example:123"). */
  String name();

  /**
   * Measures the local clock's offset against this source.
   *
   * @throws IOException when the source cannot be reached, times out, answers with something
   *     malformed, or refuses (see {@link KissOfDeathException})
   */
  OffsetEstimate estimate() throws IOException;
}
