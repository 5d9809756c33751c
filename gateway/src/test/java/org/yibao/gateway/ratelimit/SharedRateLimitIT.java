package org.yibao.gateway.ratelimit;

import org.yibao.security.clients.RateLimit;
import io.github.bucket4j.ConsumptionProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yibao.testsupport.infra.DatabaseServer;
import org.yibao.testsupport.infra.RealInfrastructure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two gateway instances' stores on one real PostgreSQL share a client's bucket: a burst of 10 is 10 in all, however the
 * calls are spread over the instances and however many arrive at once (memory stores would let 20 through).
 */
class SharedRateLimitIT {

    private static PostgresRateLimitStore first;
    private static PostgresRateLimitStore second;

    @BeforeAll
    static void stores() {
        DatabaseServer postgres = RealInfrastructure.postgres();
        postgres.createDatabaseIfMissing("gateway_limits_it");
        String url = postgres.jdbcUrl("gateway_limits_it");
        first = new PostgresRateLimitStore(url, postgres.username(), postgres.password(), 4);
        second = new PostgresRateLimitStore(url, postgres.username(), postgres.password(), 4);
    }

    @AfterAll
    static void close() {
        first.close();
        second.close();
    }

    @Test
    void aClientsBurstHoldsAcrossInstances() {
        RateLimit limit = new RateLimit(10, 0.001);
        String client = "client-" + System.nanoTime();
        AtomicInteger consumed = new AtomicInteger();
        List<CompletableFuture<ConsumptionProbe>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            PostgresRateLimitStore store = i % 2 == 0 ? first : second;
            calls.add(store.tryConsume(client, limit).toFuture());
        }
        for (CompletableFuture<ConsumptionProbe> call : calls) {
            if (call.join().isConsumed()) {
                consumed.incrementAndGet();
            }
        }

        assertThat(consumed).as("tokens spent by two instances together").hasValue(10);
        ConsumptionProbe refused = second.tryConsume(client, limit).block();
        assertThat(refused.isConsumed()).isFalse();
        assertThat(Buckets.retryAfterSeconds(refused.getNanosToWaitForRefill())).as("Retry-After in seconds").isPositive();
        assertThat(first.tryConsume("another-" + client, limit).block().isConsumed())
                .as("another client's bucket is its own").isTrue();
    }

    @Test
    void aLimitChangedInTheClientsFileAppliesOnceAGatewayStartedAfterTheChangeCalls() throws Exception {
        DatabaseServer postgres = RealInfrastructure.postgres();
        String client = "changed-" + System.nanoTime();
        assertThat(first.tryConsume(client, new RateLimit(30, 0.001)).block().isConsumed()).isTrue();
        Thread.sleep(5);
        try (PostgresRateLimitStore restarted = new PostgresRateLimitStore(postgres.jdbcUrl("gateway_limits_it"), postgres.username(),
                postgres.password(), 2)) {
            int consumed = 0;
            for (int i = 0; i < 20; i++) {
                consumed += restarted.tryConsume(client, new RateLimit(10, 0.001)).block().isConsumed() ? 1 : 0;
            }
            assertThat(consumed).as("29 tokens left, cut to the new capacity of 10").isEqualTo(10);
        }
    }

    @Test
    void aGatewayStartsWhileItsDatabaseIsAwayAndTheCallFailsForTheFilterToLimitLocally() {
        try (PostgresRateLimitStore away = new PostgresRateLimitStore("jdbc:postgresql://127.0.0.1:1/none", "x", "y", 1)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> away.tryConsume("c", new RateLimit(10, 1)).block())
                    .as("a failure the filter answers with the instance's own bucket").isNotNull();
        }
    }

    @Test
    void memoryStoresDoNotShare() {
        RateLimit limit = new RateLimit(10, 0.001);
        MemoryRateLimitStore a = new MemoryRateLimitStore();
        MemoryRateLimitStore b = new MemoryRateLimitStore();
        int consumed = 0;
        for (int i = 0; i < 40; i++) {
            consumed += (i % 2 == 0 ? a : b).tryConsume("c", limit).block().isConsumed() ? 1 : 0;
        }
        assertThat(consumed).as("why several gateways need the shared store").isEqualTo(20);
    }
}
