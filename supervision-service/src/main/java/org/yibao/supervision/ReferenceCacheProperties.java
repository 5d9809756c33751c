package org.yibao.supervision;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How long supervision keeps the reference data it reads for every bill (institutions, the catalog
 * entries of an item) in memory, under {@code yibao.supervision.reference-cache}: {@code ttl} (default
 * 5 s; 0 turns the cache off) is also the longest another instance of supervision serves an entry after
 * this one changed it (see {@link org.yibao.web.cache.ReferenceCache}, docs/adr/0032).
 */
@ConfigurationProperties("yibao.supervision.reference-cache")
public record ReferenceCacheProperties(Duration ttl) {

    public ReferenceCacheProperties {
        ttl = ttl == null ? Duration.ofSeconds(5) : ttl;
        if (ttl.isNegative()) {
            throw new IllegalArgumentException("yibao.supervision.reference-cache.ttl must not be negative: " + ttl);
        }
    }
}
