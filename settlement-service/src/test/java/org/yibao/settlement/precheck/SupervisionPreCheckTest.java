package org.yibao.settlement.precheck;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.yibao.contracts.events.PersonType;
import org.yibao.contracts.events.Severity;
import org.yibao.contracts.events.VisitType;
import org.yibao.contracts.money.Money;
import org.yibao.web.resilience.CircuitBreakerPolicy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pre-check client against a stub supervision server on loopback (until supervision-service
 * has the endpoint): verdicts pass through; slow, failing or absent supervision gives UNCHECKED,
 * and after repeated failures the breaker stops calling at all.
 */
class SupervisionPreCheckTest {

    private HttpServer stub;
    private final AtomicReference<String> answer = new AtomicReference<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger delayMillis = new AtomicInteger();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicReference<String> received = new AtomicReference<>();

    @BeforeEach
    void startStub() throws IOException {
        stub = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        stub.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
        stub.createContext("/api/supervision/pre-checks", exchange -> {
            calls.incrementAndGet();
            received.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                Thread.sleep(delayMillis.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status.get(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        stub.start();
    }

    @AfterEach
    void stopStub() {
        stub.stop(0);
    }

    private SupervisionPreCheck client(boolean enabled) {
        return new SupervisionPreCheck(new PreCheckProperties(enabled,
                URI.create("http://127.0.0.1:" + stub.getAddress().getPort()), Duration.ofMillis(300)),
                new CircuitBreakerPolicy(20, 5, 50f, Duration.ofSeconds(10), 2), // judged after 5 calls
                JsonMapper.builder().build(), new SimpleMeterRegistry());
    }

    private static PreCheckRequest bill() {
        return new PreCheckRequest("11010519491231002X", "H1", VisitType.INPATIENT, LocalDate.of(2026, 11, 1),
                List.of("I10"), Money.of("24.00"),
                List.of(new PreCheckRequest.Line("S250101001", "A", BigDecimal.ONE, org.yibao.contracts.money.Price.of("24.00"),
                        Money.of("24.00"), 7, "D440100001")),
                PersonType.RESIDENT, true, LocalDateTime.of(2026, 10, 28, 9, 30), LocalDateTime.of(2026, 11, 1, 10, 0),
                List.of("36.0601"), "D440100002", "0301", PreCheckRequest.DURING);
    }

    /** Issue 21: the bill's facts travel to supervision, and its findings come back typed. */
    @Test
    void sendsTheBillsFactsAndReadsSupervisionsFindings() throws Exception {
        answer.set("""
                {"outcome":"BLOCK","reasons":["同日同院多次门诊结算"],"findings":[
                  {"ruleId":"SB-01","rule":"SPLIT_BILLING","ruleName":"同日同院多次门诊结算（分解收费）","severity":"VIOLATION",
                   "amount":"120.00","evidence":"third bill today","line":2,"futureMember":"ignored"},
                  {"ruleId":"XX-09","rule":"A_KIND_NOT_YET_IN_CONTRACTS","ruleName":"新规则","severity":"SUSPECT","amount":null,
                   "evidence":"whole bill","line":null}]}""");

        Verdict verdict = client(true).check(bill());

        assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.BLOCK);
        assertThat(verdict.findings()).containsExactly(
                new Finding("SB-01", "SPLIT_BILLING", "同日同院多次门诊结算（分解收费）", Severity.VIOLATION, Money.of("120.00"),
                        "third bill today", 2),
                new Finding("XX-09", "A_KIND_NOT_YET_IN_CONTRACTS", "新规则", Severity.SUSPECT, null, "whole bill", null));
        JsonNode sent = JsonMapper.builder().build().readTree(received.get());
        assertThat(sent.at("/stage").asString()).isEqualTo("DURING");
        assertThat(sent.at("/personType").asString()).isEqualTo("RESIDENT");
        assertThat(sent.at("/emergency").asBoolean()).isTrue();
        assertThat(sent.at("/admittedAt").asString()).startsWith("2026-10-28T09:30");
        assertThat(sent.at("/dischargedAt").asString()).startsWith("2026-11-01T10:00");
        assertThat(sent.at("/procedureCodes/0").asString()).isEqualTo("36.0601");
        assertThat(sent.at("/doctorCode").asString()).isEqualTo("D440100002");
        assertThat(sent.at("/departmentCode").asString()).isEqualTo("0301");
        assertThat(sent.at("/lines/0/daysOfSupply").asInt()).isEqualTo(7);
        assertThat(sent.at("/lines/0/doctorCode").asString()).isEqualTo("D440100001");
    }

    /** An older supervision answers reasons only: the verdict stands, with no findings. */
    @Test
    void aVerdictWithoutFindingsIsReadWithNone() {
        answer.set("{\"outcome\":\"WARN\",\"reasons\":[\"looks odd\"]}");

        Verdict verdict = client(true).check(bill());

        assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.WARN);
        assertThat(verdict.reasons()).containsExactly("looks odd");
        assertThat(verdict.findings()).isEmpty();
    }

    @Test
    void passesSupervisionsVerdictThrough() {
        answer.set("{\"outcome\":\"BLOCK\",\"reasons\":[\"readmission within 15 days (分解住院)\"]}");

        Verdict verdict = client(true).check(bill());

        assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.BLOCK);
        assertThat(verdict.reasons()).containsExactly("readmission within 15 days (分解住院)");
        assertThat(received.get()).contains("\"institutionCode\":\"H1\"").contains("\"total\":\"24.00\"");
    }

    @Test
    void aSlowSupervisionIsNotWaitedForBeyondTheTimeout() {
        answer.set("{\"outcome\":\"PASS\"}");
        delayMillis.set(2_000);

        Verdict verdict = client(true).check(bill());

        assertThat(verdict.outcome()).isEqualTo(Verdict.Outcome.UNCHECKED);
        assertThat(verdict.reasons().get(0)).contains("unavailable");
    }

    @Test
    void anErrorOrAMeaninglessAnswerIsUnchecked() {
        answer.set("oops");
        status.set(500);
        assertThat(client(true).check(bill()).outcome()).isEqualTo(Verdict.Outcome.UNCHECKED);

        status.set(200);
        answer.set("{\"reasons\":[]}");
        assertThat(client(true).check(bill()).outcome()).isEqualTo(Verdict.Outcome.UNCHECKED);
    }

    @Test
    void repeatedFailuresOpenTheBreakerAndSupervisionIsNoLongerCalled() {
        answer.set("down");
        status.set(503);
        SupervisionPreCheck client = client(true);

        for (int i = 0; i < 10; i++) {
            client.check(bill());
        }

        assertThat(calls.get()).isLessThan(10);
        assertThat(client.check(bill()).reasons()).containsExactly("supervision pre-check circuit is open");
    }

    @Test
    void switchedOffItCallsNothing() {
        assertThat(client(false).check(bill()).outcome()).isEqualTo(Verdict.Outcome.UNCHECKED);
        assertThat(calls.get()).isZero();
    }
}
