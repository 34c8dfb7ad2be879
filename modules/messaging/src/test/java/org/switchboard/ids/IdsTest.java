package org.switchboard.ids;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void versionSevenVariantTwo() {
        for (var i = 0; i < 1000; i++) {
            var id = Ids.next();
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
        }
    }

    @Test
    void carriesTheMillisecondItWasMadeIn() {
        var millis = 1_764_633_600_123L; // 2025-12-02T00:00:00.123Z
        var id = Ids.at(millis, new Random(1));

        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
        assertThat(id.toString()).startsWith("019adc5b-e07b-7");
    }

    @Test
    void idsOfLaterMillisecondsSortAfterEarlierOnes() {
        var random = new Random(2);
        var earlier = Ids.at(1_764_633_600_000L, random);
        var later = Ids.at(1_764_633_600_001L, random);

        // As PostgreSQL compares uuid values: byte by byte, unsigned.
        assertThat(later.toString()).isGreaterThan(earlier.toString());
    }

    @Test
    void randomBitsDifferWithinOneMillisecond() {
        var random = new Random(3);
        var seen = new HashSet<UUID>();
        for (var i = 0; i < 10_000; i++) {
            seen.add(Ids.at(1_764_633_600_000L, random));
        }
        assertThat(seen).hasSize(10_000);
    }

    @Test
    void noDuplicatesAcrossThreads() throws InterruptedException {
        var seen = ConcurrentHashMap.<UUID>newKeySet();
        var pool = Executors.newFixedThreadPool(8);
        for (var t = 0; t < 8; t++) {
            pool.execute(() -> {
                for (var i = 0; i < 20_000; i++) {
                    seen.add(Ids.next());
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
        assertThat(seen).hasSize(160_000);
    }
}
