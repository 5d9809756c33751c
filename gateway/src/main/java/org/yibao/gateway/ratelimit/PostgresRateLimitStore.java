package org.yibao.gateway.ratelimit;

import org.yibao.security.clients.RateLimit;
import com.zaxxer.hikari.HikariDataSource;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The clients' buckets in PostgreSQL, shared by every gateway instance (Bucket4j's select-for-update proxy manager: a
 * bucket's row is locked, read, changed and written in one transaction, so two gateways never both spend the last
 * token): one round trip per call. Bucket4j's batching optimization (one round trip for a client's concurrent calls)
 * failed its first concurrent use with BucketNotFoundException in 8.14.0 (SharedRateLimitIT) and is not used.
 *
 * <p>A bucket's state is worth little: its connections commit without waiting for the disk or a replica
 * ({@code synchronous_commit off}; a crash loses at most the last few spent tokens) and wait at most a second for a
 * client's row ({@code lock_timeout}); a call that takes longer than {@link #TIMEOUT} fails, and the
 * {@link RateLimitFilter} limits the client by the instance's own bucket meanwhile. JDBC blocks, so the call runs on
 * Reactor's bounded elastic threads, never on the event loop. The table {@code gateway_rate_limit_bucket} is made by
 * Flyway (db/gateway) at start, or on a later call when the database was away then: the gateway starts without it.
 * A limit changed in the clients file applies to a bucket made before once a gateway started after the change calls
 * (the bucket's configuration carries the start's version; Bucket4j replaces an older one, keeping the tokens).
 */
public final class PostgresRateLimitStore implements RateLimitStore, AutoCloseable {

    /** The longest the gateway waits for the store before limiting by its own bucket. */
    static final Duration TIMEOUT = Duration.ofMillis(1500);
    private static final Logger log = LoggerFactory.getLogger(PostgresRateLimitStore.class);
    private static final long RETRY_MIGRATION_NANOS = Duration.ofSeconds(10).toNanos();

    private final HikariDataSource dataSource;
    private final ProxyManager<String> buckets;
    /** This start's configuration version: a later start's limits replace an earlier one's. */
    private final long configurationVersion = System.currentTimeMillis();
    /** One proxy per client (keys are verified client ids: bounded by the registry). */
    private final Map<String, BucketProxy> proxies = new ConcurrentHashMap<>();
    private volatile boolean migrated;
    private volatile long lastMigrationAttempt;

    public PostgresRateLimitStore(String url, String username, String password, int poolSize) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        ds.setUsername(username);
        ds.setPassword(password);
        ds.setMaximumPoolSize(poolSize);
        ds.setMinimumIdle(1);
        ds.setPoolName("gateway-rate-limits");
        ds.setConnectionTimeout(Duration.ofSeconds(1).toMillis());
        ds.setInitializationFailTimeout(-1); // start without the database; connect when it is there
        ds.addDataSourceProperty("options", "-c synchronous_commit=off -c lock_timeout=1000 -c statement_timeout=2000");
        this.dataSource = ds;
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(ds)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("gateway_rate_limit_bucket").idColumn("client_id").stateColumn("state")
                .build();
        migrate();
    }

    @Override
    public Mono<ConsumptionProbe> tryConsume(String clientId, RateLimit limit) {
        BucketProxy bucket = proxies.computeIfAbsent(clientId, id -> buckets.builder()
                .withImplicitConfigurationReplacement(configurationVersion, TokensInheritanceStrategy.AS_IS)
                .build(id, () -> configuration(limit)));
        return Mono.fromCallable(() -> {
                    if (!migrated && !migrate()) {
                        throw new IllegalStateException("the rate limits' table is not there yet");
                    }
                    return bucket.tryConsumeAndReturnRemaining(1);
                })
                .subscribeOn(Schedulers.boundedElastic())
                .timeout(TIMEOUT);
    }

    /** Makes the table when it is missing; false while the database cannot be reached (tried again after 10 s). */
    private synchronized boolean migrate() {
        if (migrated) {
            return true;
        }
        long now = System.nanoTime();
        if (lastMigrationAttempt != 0 && now - lastMigrationAttempt < RETRY_MIGRATION_NANOS) {
            return false;
        }
        lastMigrationAttempt = now;
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/gateway").table("gateway_schema_history")
                    .baselineOnMigrate(true).baselineVersion("0").load().migrate();
            migrated = true;
            return true;
        } catch (RuntimeException e) {
            log.warn("the rate limits' database cannot be reached; limiting by each instance's own buckets until it can: {}",
                    e.toString());
            return false;
        }
    }

    private static BucketConfiguration configuration(RateLimit limit) {
        return BucketConfiguration.builder().addLimit(Buckets.bandwidth(limit)).build();
    }

    @Override
    public String kind() {
        return "postgresql";
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
