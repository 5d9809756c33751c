package org.yibao.settlement;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How long settlement keeps reference data it reads on every bill (catalog entries, institutions) in
 * memory, under {@code yibao.settlement.reference-cache}: {@code ttl} (default 5 s; 0 turns the cache
 * off) is also the longest another instance of settlement serves an entry after this one changed it
 * (docs/adr/0032).
 */
@ConfigurationProperties("yibao.settlement.reference-cache")
public record ReferenceCacheProperties(Duration ttl) {

    public ReferenceCacheProperties {
        ttl = ttl == null ? Duration.ofSeconds(5) : ttl;
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("yibao.settlement.reference-cache.ttl must not be negative: " + ttl);
        }
    }
}
