package io.groundwire.http.server.staticfiles.internal;

import java.time.Instant;
import java.util.function.Function;

/**
 * Evaluates the conditional request headers against a file's validators in the order RFC 9110
 * §13.2.2 prescribes: If-Match, If-Unmodified-Since, If-None-Match, If-Modified-Since, and then
 * If-Range decides whether a Range header is honoured.
 *
 * @param ifMatch           the If-Match value, or null
 * @param ifUnmodifiedSince the If-Unmodified-Since value, or null
 * @param ifNoneMatch       the If-None-Match value, or null
 * @param ifModifiedSince   the If-Modified-Since value, or null
 * @param ifRange           the If-Range value, or null
 */
public record Preconditions(
    String ifMatch, String ifUnmodifiedSince, String ifNoneMatch, String ifModifiedSince, String ifRange) {

  /** What the conditions decide. */
  public enum Outcome {
    /** Serve the representation (200 or 206). */
    PROCEED,
    /** 304 Not Modified: the client's cached copy is current. */
    NOT_MODIFIED,
    /** 412 Precondition Failed. */
    PRECONDITION_FAILED
  }

  /**
   * Evaluates the conditions for a GET or HEAD (when {@code safeMethod}) of a representation with
   * the strong {@code etag} and {@code lastModified} (whole seconds). {@code parseDate} reads an
   * HTTP-date and returns null for an invalid one; an invalid date makes its header ignored
   * (RFC 9110 §13.1.3, §13.1.4).
   */
  public Outcome evaluate(
      boolean safeMethod, String etag, Instant lastModified, Function<String, Instant> parseDate) {
    // Step 1 and 2: If-Match, else If-Unmodified-Since
    if (ifMatch != null) {
      if (!EntityTags.anyMatches(ifMatch, etag, true)) {
        return Outcome.PRECONDITION_FAILED;
      }
    } else if (ifUnmodifiedSince != null) {
      Instant date = parseDate.apply(ifUnmodifiedSince);
      if (date != null && lastModified.isAfter(date)) {
        return Outcome.PRECONDITION_FAILED;
      }
    }
    // Step 3 and 4: If-None-Match, else If-Modified-Since (GET and HEAD only)
    if (ifNoneMatch != null) {
      if (EntityTags.anyMatches(ifNoneMatch, etag, false)) {
        return safeMethod ? Outcome.NOT_MODIFIED : Outcome.PRECONDITION_FAILED;
      }
    } else if (ifModifiedSince != null && safeMethod) {
      Instant date = parseDate.apply(ifModifiedSince);
      if (date != null && !lastModified.isAfter(date)) {
        return Outcome.NOT_MODIFIED;
      }
    }
    return Outcome.PROCEED;
  }

  /**
   * Step 5: true when a Range header may be honoured: there is no If-Range, or it names the
   * current strong {@code etag}, or it is exactly the {@code lastModified} date (RFC 9110 §13.1.5).
   */
  public boolean rangeAllowed(String etag, Instant lastModified, Function<String, Instant> parseDate) {
    if (ifRange == null) {
      return true;
    }
    String value = ifRange.strip();
    if (value.startsWith("\"") || value.startsWith("W/")) {
      return EntityTags.isEntityTag(value) && EntityTags.matches(value, etag, true);
    }
    Instant date = parseDate.apply(value);
    return date != null && date.equals(lastModified);
  }
}
