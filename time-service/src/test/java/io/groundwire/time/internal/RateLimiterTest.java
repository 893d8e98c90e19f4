package io.groundwire.time.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final AtomicLong now = new AtomicLong();
  private final RateLimiter limiter = new RateLimiter(2, 3, now::get);

  private static InetAddress address(String literal) throws Exception {
    return InetAddress.getByName(literal);
  }

  @Test
  void allowsTheBurstThenRefusesWithTheWaitUntilTheNextToken() throws Exception {
    InetAddress client = address("192.0.2.1");
    assertEquals(0, limiter.acquire(client));
    assertEquals(0, limiter.acquire(client));
    assertEquals(0, limiter.acquire(client));
    assertEquals(500_000_000L, limiter.acquire(client));
  }

  @Test
  void aRefusedClientIsToldSoAtMostOnceASecond() throws Exception {
    InetAddress client = address("192.0.2.1");
    for (int i = 0; i < 3; i++) {
      limiter.acquire(client);
    }
    assertTrue(limiter.acquire(client) > 0);
    assertTrue(limiter.mayNotifyRefusal(client));
    assertTrue(limiter.acquire(client) > 0);
    assertFalse(limiter.mayNotifyRefusal(client));
    now.addAndGet(RateLimiter.REFUSAL_NOTICE_INTERVAL_NANOS - 1);
    assertFalse(limiter.mayNotifyRefusal(client));
    now.addAndGet(1);
    assertTrue(limiter.mayNotifyRefusal(client));
    assertTrue(limiter.mayNotifyRefusal(address("192.0.2.2")), "another client has its own notices");
  }

  @Test
  void refillsAtTheConfiguredRate() throws Exception {
    InetAddress client = address("192.0.2.1");
    for (int i = 0; i < 3; i++) {
      limiter.acquire(client);
    }
    now.addAndGet(500_000_000L);
    assertEquals(0, limiter.acquire(client));
    assertTrue(limiter.acquire(client) > 0);
  }

  @Test
  void clientsHaveSeparateBuckets() throws Exception {
    for (int i = 0; i < 3; i++) {
      limiter.acquire(address("192.0.2.1"));
    }
    assertEquals(0, limiter.acquire(address("192.0.2.2")));
  }

  @Test
  void zeroRateMeansUnlimited() throws Exception {
    RateLimiter off = new RateLimiter(0, 1, now::get);
    for (int i = 0; i < 1000; i++) {
      assertEquals(0, off.acquire(address("192.0.2.1")));
    }
  }
}
