package org.yibao.gateway.ratelimit;

import com.zaxxer.hikari.HikariDataSource;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.flywaydb.core.Flyway;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The clients' buckets in PostgreSQL, shared by every gateway instance (Bucket4j's select-for-update proxy manager: a
 * bucket's row is locked, read, changed and written in one transaction, so two gateways never both spend the last
 * token): one round trip per call. Bucket4j's batching optimization (one round trip for a client's concurrent calls)
 * failed its first concurrent use with BucketNotFoundException in 8.14.0 (SharedRateLimitIT) and is not used. JDBC blocks, so the call runs on Reactor's bounded elastic threads,
 * never on the event loop. The table {@code gateway_rate_limit_bucket} is made by Flyway (db/gateway). A bucket's
 * shape is fixed when first made: a changed limit applies after its row is deleted (docs/operations.md).
 */
public final class PostgresRateLimitStore implements RateLimitStore, AutoCloseable {

    private final HikariDataSource dataSource;
    private final ProxyManager<String> buckets;
    /** One proxy per client (keys are verified client ids: bounded by the registry). */
    private final Map<String, BucketProxy> proxies = new ConcurrentHashMap<>();

    public PostgresRateLimitStore(String url, String username, String password, int poolSize) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(url);
        ds.setUsername(username);
        ds.setPassword(password);
        ds.setMaximumPoolSize(poolSize);
        ds.setPoolName("gateway-rate-limits");
        ds.setConnectionTimeout(Duration.ofSeconds(2).toMillis());
        this.dataSource = ds;
        Flyway.configure().dataSource(ds).locations("classpath:db/gateway").table("gateway_schema_history")
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(ds)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("gateway_rate_limit_bucket").idColumn("client_id").stateColumn("state")
                .build();
    }

    @Override
    public Mono<ConsumptionProbe> tryConsume(String clientId, RateLimit limit) {
        BucketProxy bucket = proxies.computeIfAbsent(clientId, id -> buckets.builder()
                .build(id, () -> configuration(limit)));
        return Mono.fromCallable(() -> bucket.tryConsumeAndReturnRemaining(1)).subscribeOn(Schedulers.boundedElastic());
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
