package org.yibao.web.cache;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceCacheTest {

    private final AtomicInteger loads = new AtomicInteger();

    @AfterEach
    void noTransactionLeftOver() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void keptValuesAreNotLoadedAgainAndMissingOnesAreLoadedTogether() {
        ReferenceCache<String, String> cache = new ReferenceCache<>(Duration.ofSeconds(5), 100);

        assertThat(cache.getAll(List.of("a", "b"), this::load)).isEqualTo(Map.of("a", "a1", "b", "b1"));
        assertThat(cache.getAll(List.of("a", "b", "c"), this::load)).isEqualTo(Map.of("a", "a1", "b", "b1", "c", "c2"));
        assertThat(loads).hasValue(2);
    }

    @Test
    void aKeyTheLoaderLeavesOutIsAbsentAndNotKept() {
        ReferenceCache<String, String> cache = new ReferenceCache<>(Duration.ofSeconds(5), 100);

        assertThat(cache.get("a", k -> { loads.incrementAndGet(); return null; })).isNull();
        assertThat(cache.get("a", k -> { loads.incrementAndGet(); return null; })).isNull();
        assertThat(loads).hasValue(2);
    }

    @Test
    void aChangeOfEverythingDropsEveryKeyNowAndAgainWhenItsTransactionEnds() {
        ReferenceCache<String, String> cache = new ReferenceCache<>(Duration.ofSeconds(5), 100);
        cache.getAll(List.of("a", "b"), keys -> Map.of("a", "a0", "b", "b0"));
        TransactionSynchronizationManager.initSynchronization();

        cache.changedEverything();
        assertThat(cache.getAll(List.of("a", "b"), keys -> Map.of("a", "a1", "b", "b1")))
                .as("read again at once").isEqualTo(Map.of("a", "a1", "b", "b1"));
        assertThat(cache.get("a", k -> "a2")).as("nothing kept within the writing transaction").isEqualTo("a2");
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED);
        }
        TransactionSynchronizationManager.clearSynchronization();

        assertThat(cache.getAll(List.of("a", "b"), keys -> Map.of("a", "a3", "b", "b3"))).isEqualTo(Map.of("a", "a3", "b", "b3"));
        assertThat(cache.getAll(List.of("a", "b"), keys -> Map.of("a", "a4", "b", "b4"))).as("kept after the commit")
                .isEqualTo(Map.of("a", "a3", "b", "b3"));
    }

    @Test
    void aChangeDropsTheKeyNowAndAgainWhenItsTransactionEnds() {
        ReferenceCache<String, String> cache = new ReferenceCache<>(Duration.ofSeconds(5), 100);
        cache.get("a", k -> "before");
        TransactionSynchronizationManager.initSynchronization();

        cache.changed("a");
        assertThat(cache.get("a", k -> "uncommitted")).isEqualTo("uncommitted");
        assertThat(cache.get("a", k -> "read again")).as("nothing kept within the writing transaction").isEqualTo("read again");
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            s.afterCompletion(TransactionSynchronization.STATUS_COMMITTED);
        }
        TransactionSynchronizationManager.clearSynchronization();

        assertThat(cache.get("a", k -> "committed")).isEqualTo("committed");
        assertThat(cache.get("a", k -> "not read")).isEqualTo("committed");
    }

    @Test
    void aLoadThatOverlappedAChangeIsAnsweredButNotKept() {
        ReferenceCache<String, String> cache = new ReferenceCache<>(Duration.ofSeconds(5), 100);

        assertThat(cache.get("a", k -> { cache.changed("a"); return "read before the change"; })).isEqualTo("read before the change");
        assertThat(cache.get("a", k -> "read after")).isEqualTo("read after");
    }

    @Test
    void aTtlOfZeroKeepsNothing() {
        ReferenceCache<String, String> cache = new ReferenceCache<>(Duration.ZERO, 100);

        cache.getAll(List.of("a"), this::load);
        cache.getAll(List.of("a"), this::load);
        assertThat(loads).hasValue(2);
    }

    private Map<String, String> load(Set<String> keys) {
        int n = loads.incrementAndGet();
        return keys.stream().collect(java.util.stream.Collectors.toMap(k -> k, k -> k + n));
    }
}
