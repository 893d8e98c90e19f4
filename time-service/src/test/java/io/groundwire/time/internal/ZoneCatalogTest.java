package io.groundwire.time.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ZoneCatalogTest {
  private final ZoneCatalog catalog = ZoneCatalog.get();

  @Test
  void lookupIgnoresCaseAndReturnsTheCanonicalId() {
    assertEquals(Optional.of(ZoneId.of("America/New_York")), catalog.find("AMERICA/new_york"));
  }

  @Test
  void legacySystemVIdsAreNotListed() {
    assertTrue(catalog.ids().stream().noneMatch(id -> id.startsWith("SystemV/")));
  }

  @Test
  void typoSuggestsTheZone() {
    assertEquals("Europe/Berlin", catalog.suggestionsFor("Europe/Berln").get(0));
  }

  @Test
  void bareCitySuggestsItsZone() {
    assertEquals("Asia/Tokyo", catalog.suggestionsFor("tokyo").get(0));
  }

  @Test
  void anEmptyOrTooShortNameSuggestsNothing() {
    assertTrue(catalog.suggestionsFor("").isEmpty());
    assertTrue(catalog.suggestionsFor("x").isEmpty());
    assertTrue(catalog.suggestionsFor("  ").isEmpty());
  }

  @Test
  void aNameFarLongerThanAnyZoneSuggestsNothingWithoutComparingIt() {
    assertTrue(catalog.suggestionsFor("Europe/Berlin" + "x".repeat(7_000)).isEmpty());
    assertEquals("Europe/Berlin", catalog.suggestionsFor("Europe/Berlinn").get(0));
  }

  @Test
  void nonsenseSuggestsNothing() {
    assertTrue(catalog.suggestionsFor("Mars/Olympus_Mons_Base").isEmpty());
  }
}
