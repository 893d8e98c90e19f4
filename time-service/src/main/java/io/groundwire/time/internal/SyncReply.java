package io.groundwire.time.internal;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import okio.BufferedSource;

/**
 * The body of {@code GET /api/sync}: the client's t1 echoed, the server's receive (t2) and send (t3)
 * times and its dispersion, all integers in nanoseconds (since the epoch for t1-t3). Read with
 * {@link JsonReader#nextLong()} because 19-digit integers do not survive a trip through double.
 */
public record SyncReply(long t1, long t2, long t3, long dispersion) {
  private static final JsonReader.Options NAMES = JsonReader.Options.of("t1", "t2", "t3", "dispersion_ns");

  /** @throws IOException when the body is not a sync reply */
  public static SyncReply read(BufferedSource source) throws IOException {
    JsonReader json = JsonReader.of(source);
    long[] values = {Long.MIN_VALUE, Long.MIN_VALUE, Long.MIN_VALUE, 0};
    try {
      json.beginObject();
      while (json.hasNext()) {
        int index = json.selectName(NAMES);
        if (index < 0) {
          json.skipName();
          json.skipValue();
        } else {
          values[index] = json.nextLong();
        }
      }
      json.endObject();
    } catch (com.squareup.moshi.JsonEncodingException e) {
      throw new IOException("the /api/sync response is not JSON, so not from our time service", e);
    } catch (com.squareup.moshi.JsonDataException e) {
      throw new IOException("malformed /api/sync reply: " + e.getMessage(), e);
    }
    if (values[0] == Long.MIN_VALUE || values[1] == Long.MIN_VALUE || values[2] == Long.MIN_VALUE) {
      throw new IOException("malformed /api/sync reply: t1, t2 and t3 are required");
    }
    return new SyncReply(values[0], values[1], values[2], Math.max(0, values[3]));
  }
}
