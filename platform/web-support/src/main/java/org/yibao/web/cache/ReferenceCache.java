package org.yibao.web.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Reference data that a hot path reads for every bill and that changes seldom (an institution, the
 * catalog entries of an item: settlement's resolution, supervision's pre-check and smart audit), kept in
 * memory for a few seconds so that a bill does not ask the database again for what the bill before it
 * asked (issue 26; docs/adr/0032). Caffeine holds the entries.
 *
 * <p>What keeps it right:
 * <ul>
 *   <li>Every write of the data in this process calls {@link #changed(Object)}: the key is dropped at once
 *       and again when the writing transaction ends (committed or rolled back), so this instance never
 *       serves, after its own commit, what it read before it.</li>
 *   <li>A load that overlapped a change is answered to its caller but not kept: a generation number moves
 *       with every change, and a load that sees it moved after keeping its values drops them again.</li>
 *   <li>Within a transaction that has changed the data, reads go to the loader and keep nothing, so
 *       other threads never see what is not committed yet.</li>
 *   <li>ASSUMPTION: another instance of the same service (the platform may run two) learns of a change only
 *       when its own entry expires, at most {@code ttl} (5 seconds by default) after the commit; until
 *       then it serves the value before the change, as if the change had been committed that much later.</li>
 * </ul>
 * A {@code ttl} of zero turns the cache off: every read goes to the loader.
 *
 * @param <K> the key (an institution's code, an item's code)
 * @param <V> what is kept for the key; never null (a loader that keeps "absent" answers a value that says so)
 */
public final class ReferenceCache<K, V> {

    private final Cache<K, V> entries;
    private final AtomicLong generation = new AtomicLong();
    private final boolean enabled;

    /** Marks a transaction that changed this cache's data (the cache itself is the resource key). */
    private final Object writtenInTransaction = new Object();

    /**
     * @param ttl         how long an entry is kept after it was loaded from the store (typically 5 seconds); zero: no cache
     * @param maximumSize how many keys at most (the least used go first when there are more); in practice the keys
     *                    read within the last {@code ttl}, as every entry expires then
     */
    public ReferenceCache(Duration ttl, long maximumSize) {
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("ttl must not be negative: " + ttl);
        }
        if (maximumSize <= 0) {
            throw new IllegalArgumentException("maximumSize must be positive: " + maximumSize);
        }
        this.enabled = !ttl.isZero();
        this.entries = Caffeine.newBuilder().expireAfterWrite(enabled ? ttl : Duration.ofNanos(1)).maximumSize(maximumSize).build();
    }

    /**
     * The values of these keys: the kept ones, and the others from {@code loader} in one call. The loader
     * may leave out a key: the key is then absent from the answer and nothing is kept for it (a value that
     * must be read again every time, such as an institution not registered yet). A null key is asked of
     * the loader and never kept.
     */
    public Map<K, V> getAll(Collection<? extends K> keys, Function<Set<K>, Map<K, V>> loader) {
        Map<K, V> found = new HashMap<>();
        Set<K> missing = new LinkedHashSet<>();
        boolean keeps = enabled && !TransactionSynchronizationManager.hasResource(writtenInTransaction);
        for (K key : keys) {
            V kept = keeps && key != null ? entries.getIfPresent(key) : null;
            if (kept != null) {
                found.put(key, kept);
            } else {
                missing.add(key);
            }
        }
        if (missing.isEmpty()) {
            return found;
        }
        long before = generation.get();
        Map<K, V> loaded = new HashMap<>(loader.apply(missing));
        loaded.keySet().retainAll(missing);
        found.putAll(loaded);
        loaded.remove(null);
        if (keeps && !loaded.isEmpty() && generation.get() == before) {
            entries.putAll(loaded);
            if (generation.get() != before) {
                // a change came between the read and now: what was read may be older than it
                entries.invalidateAll(loaded.keySet());
            }
        }
        return found;
    }

    /** The value of one key, or null when the loader answers null (nothing is kept then); see {@link #getAll}. */
    public V get(K key, Function<K, V> loader) {
        return getAll(Collections.singleton(key), missing -> {
            V value = loader.apply(key);
            return value == null ? Map.of() : Collections.singletonMap(key, value);
        }).get(key);
    }

    /**
     * The data of this key changed, or is about to in the current transaction: dropped now and again when
     * the transaction ends; until then the transaction's own reads keep nothing.
     */
    public void changed(K key) {
        changedAll(Set.of(key));
    }

    /** As {@link #changed(Object)}, for several keys. */
    public void changedAll(Collection<? extends K> keys) {
        Set<K> dropped = Set.copyOf(keys);
        changing(() -> drop(dropped));
    }

    /** As {@link #changed(Object)}, for every key (an import that may touch any of them). */
    public void changedEverything() {
        changing(this::dropEverything);
    }

    /**
     * Drops now and, within a transaction, again when it ends. Every writer of cached data writes in a transaction;
     * a write outside one is dropped once only, so a load racing it may keep the old value for up to the ttl.
     */
    private void changing(Runnable dropping) {
        dropping.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            boolean marks = !TransactionSynchronizationManager.hasResource(writtenInTransaction);
            if (marks) {
                TransactionSynchronizationManager.bindResource(writtenInTransaction, Boolean.TRUE);
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (marks) {
                        TransactionSynchronizationManager.unbindResourceIfPossible(writtenInTransaction);
                    }
                    dropping.run();
                }
            });
        }
    }

    private void drop(Set<K> keys) {
        generation.incrementAndGet();
        entries.invalidateAll(keys);
    }

    private void dropEverything() {
        generation.incrementAndGet();
        entries.invalidateAll();
    }
}
