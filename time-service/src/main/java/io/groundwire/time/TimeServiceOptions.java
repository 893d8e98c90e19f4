package io.groundwire.time;

import io.groundwire.time.internal.AddressRange;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link TimeService} can be told, in one immutable value. Every port is unprivileged by
 * default so the service runs without root; 0 asks for an ephemeral port, -1 turns that listener off.
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>option</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>bindAddress</td><td>all interfaces, IPv4 and IPv6</td><td>where every listener binds</td></tr>
 *   <tr><td>httpPort</td><td>8081</td><td>the HTTP API</td></tr>
 *   <tr><td>daytimePort</td><td>10013</td><td>Daytime (RFC 867), TCP and UDP</td></tr>
 *   <tr><td>timePort</td><td>10037</td><td>Time (RFC 868), TCP and UDP</td></tr>
 *   <tr><td>sntpPort</td><td>10123</td><td>SNTPv4 (RFC 4330), UDP</td></tr>
 *   <tr><td>clock</td><td>{@code Clock.systemUTC()}</td><td>the source of every time served</td></tr>
 *   <tr><td>defaultZone</td><td>UTC</td><td>zone of /api/ip and the Daytime line</td></tr>
 *   <tr><td>trustedProxies</td><td>none</td><td>peers whose X-Forwarded-For is believed</td></tr>
 *   <tr><td>rateLimit</td><td>off (like nginx)</td><td>per client address, all protocols together</td></tr>
 *   <tr><td>stratum</td><td>10</td><td>SNTP stratum, as chrony's "local stratum 10"</td></tr>
 *   <tr><td>referenceId</td><td>LOCL</td><td>SNTP reference ID</td></tr>
 *   <tr><td>rootDelay / rootDispersion</td><td>0 / 0</td><td>SNTP, the clock's known error budget</td></tr>
 * </table>
 *
 * <p>Leap seconds: the service serves {@code clock} as it is, without smearing, and always sends
 * leap indicator 0. A clock that steps at a leap second is served stepping.
 */
public final class TimeServiceOptions {
  /** Default HTTP port. */
  public static final int DEFAULT_HTTP_PORT = 8081;
  /** Default Daytime port (RFC 867's 13, made unprivileged). */
  public static final int DEFAULT_DAYTIME_PORT = 10013;
  /** Default Time port (RFC 868's 37, made unprivileged). */
  public static final int DEFAULT_TIME_PORT = 10037;
  /** Default SNTP port (NTP's 123, made unprivileged). */
  public static final int DEFAULT_SNTP_PORT = 10123;
  /** A port value that turns its listener off. */
  public static final int OFF = -1;

  private final InetAddress bindAddress;
  private final int httpPort;
  private final int daytimePort;
  private final int timePort;
  private final int sntpPort;
  private final Clock clock;
  private final ZoneId defaultZone;
  private final List<String> trustedProxies;
  private final double ratePerSecond;
  private final int rateBurst;
  private final int stratum;
  private final String referenceId;
  private final Duration rootDelay;
  private final Duration rootDispersion;

  private TimeServiceOptions(Builder b) {
    this.bindAddress = b.bindAddress;
    this.httpPort = b.httpPort;
    this.daytimePort = b.daytimePort;
    this.timePort = b.timePort;
    this.sntpPort = b.sntpPort;
    this.clock = b.clock;
    this.defaultZone = b.defaultZone;
    this.trustedProxies = List.copyOf(b.trustedProxies);
    this.ratePerSecond = b.ratePerSecond;
    this.rateBurst = b.rateBurst;
    this.stratum = b.stratum;
    this.referenceId = b.referenceId;
    this.rootDelay = b.rootDelay;
    this.rootDispersion = b.rootDispersion;
  }

  /** The defaults. */
  public static TimeServiceOptions defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.bindAddress = bindAddress;
    b.httpPort = httpPort;
    b.daytimePort = daytimePort;
    b.timePort = timePort;
    b.sntpPort = sntpPort;
    b.clock = clock;
    b.defaultZone = defaultZone;
    b.trustedProxies.addAll(trustedProxies);
    b.ratePerSecond = ratePerSecond;
    b.rateBurst = rateBurst;
    b.stratum = stratum;
    b.referenceId = referenceId;
    b.rootDelay = rootDelay;
    b.rootDispersion = rootDispersion;
    return b;
  }

  /** Where every listener binds; null (the default) for every interface, IPv4 and IPv6. */
  public InetAddress bindAddress() { return bindAddress; }
  /** The HTTP API port: 0 ephemeral, -1 off. */
  public int httpPort() { return httpPort; }
  /** The Daytime port (TCP and UDP): 0 ephemeral, -1 off. */
  public int daytimePort() { return daytimePort; }
  /** The Time (RFC 868) port (TCP and UDP): 0 ephemeral, -1 off. */
  public int timePort() { return timePort; }
  /** The SNTP port (UDP): 0 ephemeral, -1 off. */
  public int sntpPort() { return sntpPort; }
  /** The clock every protocol serves. */
  public Clock clock() { return clock; }
  /** The zone of /api/ip and the Daytime line. */
  public ZoneId defaultZone() { return defaultZone; }
  /** The CIDR blocks whose X-Forwarded-For is believed. */
  public List<String> trustedProxies() { return trustedProxies; }
  /** Requests per second each client may make after its burst; 0 means unlimited. */
  public double ratePerSecond() { return ratePerSecond; }
  /** Requests a client may make at once before the rate applies. */
  public int rateBurst() { return rateBurst; }
  /** The SNTP stratum announced. */
  public int stratum() { return stratum; }
  /** The SNTP reference ID announced. */
  public String referenceId() { return referenceId; }
  /** The SNTP root delay announced. */
  public Duration rootDelay() { return rootDelay; }
  /** The SNTP root dispersion announced, also the base of /api/sync's dispersion. */
  public Duration rootDispersion() { return rootDispersion; }

  /** Builds {@link TimeServiceOptions}; every setter validates its argument at once. */
  public static final class Builder {
    private InetAddress bindAddress;
    private int httpPort = DEFAULT_HTTP_PORT;
    private int daytimePort = DEFAULT_DAYTIME_PORT;
    private int timePort = DEFAULT_TIME_PORT;
    private int sntpPort = DEFAULT_SNTP_PORT;
    private Clock clock = Clock.systemUTC();
    private ZoneId defaultZone = ZoneId.of("UTC");
    private final List<String> trustedProxies = new ArrayList<>();
    private double ratePerSecond = 0;
    private int rateBurst = 40;
    private int stratum = 10;
    private String referenceId = "LOCL";
    private Duration rootDelay = Duration.ZERO;
    private Duration rootDispersion = Duration.ZERO;

    private Builder() {}

    /** Where every listener binds (default: every interface, IPv4 and IPv6). */
    public Builder bindAddress(InetAddress address) {
      this.bindAddress = Objects.requireNonNull(address, "address");
      return this;
    }

    /** The HTTP API port: 0 ephemeral, -1 off. */
    public Builder httpPort(int port) {
      this.httpPort = port(port);
      return this;
    }

    /** The Daytime port (TCP and UDP): 0 ephemeral, -1 off. */
    public Builder daytimePort(int port) {
      this.daytimePort = port(port);
      return this;
    }

    /** The Time (RFC 868) port (TCP and UDP): 0 ephemeral, -1 off. */
    public Builder timePort(int port) {
      this.timePort = port(port);
      return this;
    }

    /** The SNTP port (UDP): 0 ephemeral, -1 off. */
    public Builder sntpPort(int port) {
      this.sntpPort = port(port);
      return this;
    }

    /** Every listener on an ephemeral port: what tests and the demo want. */
    public Builder ephemeralPorts() {
      return httpPort(0).daytimePort(0).timePort(0).sntpPort(0);
    }

    /** The clock every protocol serves; tests inject fixed or offset clocks. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** The zone of /api/ip (there is no GeoIP) and of the Daytime line. */
    public Builder defaultZone(ZoneId zone) {
      this.defaultZone = Objects.requireNonNull(zone, "zone");
      return this;
    }

    /**
     * Adds a proxy (an address or CIDR block, literal only) whose X-Forwarded-For header is believed.
     *
     * @throws IllegalArgumentException if it is not a literal address or block
     */
    public Builder trustProxy(String addressOrCidr) {
      AddressRange.parse(addressOrCidr);
      trustedProxies.add(addressOrCidr.trim());
      return this;
    }

    /**
     * Per-client rate limit over all protocols: {@code perSecond <= 0} turns it off.
     *
     * @throws IllegalArgumentException if {@code perSecond} is not a finite number, or the limit is on
     *     and {@code burst} is below 1
     */
    public Builder rateLimit(double perSecond, int burst) {
      if (!Double.isFinite(perSecond)) {
        throw new IllegalArgumentException("rate limit must be a finite number of requests per second, was " + perSecond);
      }
      if (burst < 1 && perSecond > 0) {
        throw new IllegalArgumentException("burst must be at least 1, was " + burst);
      }
      this.ratePerSecond = Math.max(0, perSecond);
      this.rateBurst = Math.max(1, burst);
      return this;
    }

    /** The SNTP stratum announced, 1-15. */
    public Builder stratum(int stratum) {
      if (stratum < 1 || stratum > 15) {
        throw new IllegalArgumentException("stratum must be 1-15, was " + stratum);
      }
      this.stratum = stratum;
      return this;
    }

    /** The SNTP reference ID, up to four ASCII characters ("GPS", "PPS", "LOCL"). */
    public Builder referenceId(String id) {
      if (id.isEmpty() || id.length() > 4 || !id.chars().allMatch(c -> c > 32 && c < 127)) {
        throw new IllegalArgumentException("reference ID must be 1-4 printable ASCII characters: '" + id + "'");
      }
      this.referenceId = id;
      return this;
    }

    /**
     * The SNTP root delay announced (the round trip to the primary reference).
     *
     * @throws IllegalArgumentException if negative, or 65,536 s or more (beyond NTP's short format)
     */
    public Builder rootDelay(Duration delay) {
      this.rootDelay = ntpShort(delay, "root delay");
      return this;
    }

    /**
     * The SNTP root dispersion announced, also added to the HTTP sync's error budget.
     *
     * @throws IllegalArgumentException if negative, or 65,536 s or more (beyond NTP's short format)
     */
    public Builder rootDispersion(Duration dispersion) {
      this.rootDispersion = ntpShort(dispersion, "root dispersion");
      return this;
    }

    /** The options. */
    public TimeServiceOptions build() {
      return new TimeServiceOptions(this);
    }

    private static int port(int port) {
      if (port < -1 || port > 65_535) {
        throw new IllegalArgumentException("port must be 0-65535 (or -1 for off), was " + port);
      }
      return port;
    }

    /** A duration SNTP can announce: RFC 5905's short format holds 16 bits of whole seconds. */
    private static Duration ntpShort(Duration d, String what) {
      if (d.isNegative()) {
        throw new IllegalArgumentException(what + " must not be negative, was " + d);
      }
      if (d.getSeconds() >= 65_536) {
        throw new IllegalArgumentException(what + " must be under 65536 s (NTP's short format), was " + d);
      }
      return d;
    }
  }
}
