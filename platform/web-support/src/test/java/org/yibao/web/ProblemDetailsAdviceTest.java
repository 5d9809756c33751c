package org.yibao.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.contracts.identity.ResidentId;
import org.yibao.contracts.money.Money;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.servlet.ProblemDetailsAdvice;
import org.yibao.web.servlet.RequestIdFilter;

import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ProblemDetailsAdviceTest {

    record Line(@NotBlank String code, @Positive int quantity, Money price, org.yibao.contracts.money.Price unitPrice) {
    }

    enum Status { ACTIVE, SUSPENDED }

    record Bill(ResidentId person, @Valid List<Line> lines) {
    }

    @RestController
    static class BillController {
        @PostMapping("/bills")
        String post(@Valid @RequestBody Bill bill) {
            return "ok";
        }

        @GetMapping("/bills/{id}")
        String get(@PathVariable String id) {
            throw new InvalidRequestException("id", "is not a bill id");
        }

        @GetMapping("/persons/{person}/income/{year}")
        String income(@PathVariable String person, @PathVariable int year, @org.springframework.web.bind.annotation.RequestParam String region) {
            return "ok";
        }

        @GetMapping("/institutions")
        String institutions(@org.springframework.web.bind.annotation.RequestParam java.util.Optional<Status> status) {
            return "ok";
        }

        @GetMapping("/boom")
        String boom() {
            throw new IllegalStateException("secret internals 11010519491231002X");
        }

        /** The faults of a database that went away or a transaction that lost a lock, as the JDBC layer raises them. */
        @GetMapping("/faults/{kind}")
        String fault(@PathVariable String kind) {
            switch (kind) {
                case "connection" -> throw new org.springframework.dao.DataAccessResourceFailureException("no connection",
                        new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out"));
                case "rollback" -> {
                    // what a settle's transaction answers when its connection is terminated mid-way (an operator's test)
                    org.springframework.transaction.TransactionSystemException tx =
                            new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
                                    new java.sql.SQLException("Connection is closed"));
                    tx.initApplicationException(new org.springframework.dao.DataAccessResourceFailureException("insert into accumulator",
                            new java.sql.SQLException("FATAL: terminating connection due to administrator command", "57P01")));
                    throw tx;
                }
                case "disk-full" -> throw new org.springframework.dao.DataAccessResourceFailureException("insert",
                        new java.sql.SQLException("could not extend file: No space left on device", "53100"));
                case "row-too-large" -> throw new org.springframework.dao.DataAccessResourceFailureException("insert",
                        new java.sql.SQLException("index row size exceeds btree maximum", "54000"));
                case "password" -> throw new org.springframework.transaction.CannotCreateTransactionException("could not open",
                        new java.sql.SQLException("password authentication failed for user", "28P01"));
                case "begin" -> throw new org.springframework.transaction.CannotCreateTransactionException("could not open",
                        new java.sql.SQLException("An I/O error occurred while sending to the backend.", "08006"));
                case "deadlock" -> throw new org.springframework.dao.CannotAcquireLockException("deadlock detected");
                case "terminated" -> throw new org.springframework.dao.InvalidDataAccessResourceUsageException("insert ...",
                        new java.sql.SQLException("terminating connection due to administrator command", "57P01"));
                case "wrapped" -> throw new IllegalStateException("the outbox write failed",
                        new java.sql.SQLRecoverableException("connection reset"));
                default -> throw new IllegalStateException("not transient");
            }
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new BillController())
            .setControllerAdvice(new ProblemDetailsAdvice())
            .addFilters(new RequestIdFilter())
            .build();

    /**
     * A transient fault is a 503 with Retry-After, never a 500 (issue 27: a settlement whose database connection was cut
     * mid-request was answered 500 and dropped by its caller): the caller sends the same request again.
     */
    @Test
    void aTransientFaultIsAnsweredServiceUnavailableWithRetryAfter() throws Exception {
        for (String kind : java.util.List.of("connection", "begin", "deadlock", "terminated", "wrapped", "rollback")) {
            mvc.perform(get("/faults/" + kind))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "1"))
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(503))
                    .andExpect(jsonPath("$.detail").value(containsString("send the same request again")))
                    .andExpect(jsonPath("$.detail").value(containsString("unless the fault struck its commit")))
                    .andExpect(content().string(not(containsString("Hikari"))));
        }
        // a fault that sending again does not mend stays a 500 for the operators (a disk full, a row too large, a wrong password)
        for (String kind : java.util.List.of("other", "disk-full", "row-too-large", "password")) {
            mvc.perform(get("/faults/" + kind)).andExpect(status().isInternalServerError());
        }
    }

    @Test
    void namesTheInvalidFieldOfAValidatedBody() throws Exception {
        mvc.perform(post("/bills").contentType(MediaType.APPLICATION_JSON).header(RequestIds.HEADER, "req-42")
                        .content("{\"person\":\"11010519491231002X\",\"lines\":[{\"code\":\"\",\"quantity\":1,\"price\":\"1.00\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string(RequestIds.HEADER, "req-42"))
                .andExpect(jsonPath("$.requestId").value("req-42"))
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].code"));
    }

    @Test
    void namesTheFieldWhoseValueCannotBeRead() throws Exception {
        mvc.perform(post("/bills").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"person\":\"11010519491231002X\",\"lines\":[{\"code\":\"A\",\"quantity\":1,\"price\":\"1.005\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].price"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("more than 2 decimals")));
    }

    @Test
    void explainsAnInvalidResidentIdWithoutEchoingIt() throws Exception {
        mvc.perform(post("/bills").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"person\":\"110105194912310021\",\"lines\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("person"))
                .andExpect(jsonPath("$.errors[0].reason").value(containsString("check character")))
                .andExpect(content().string(not(containsString("110105194912310021"))));
    }

    /** Found by the independent review: the framework's own 400s had no errors list, and named Java types. */
    @Test
    void aPathOrQueryValueOfTheWrongTypeOrMissingIsNamedWithIdsMasked() throws Exception {
        mvc.perform(get("/persons/11010519491231002X/income/abc?region=441702"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("year"))
                .andExpect(jsonPath("$.errors[0].reason").value("must be a whole number"))
                .andExpect(jsonPath("$.instance").value("/persons/1101**********002X/income/abc"))
                .andExpect(content().string(not(containsString("java."))));
        mvc.perform(get("/persons/11010519491231002X/income/2026"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("region"));
    }

    @Test
    void aJsonValueOfTheWrongTypeNamesNoJavaType() throws Exception {
        mvc.perform(post("/bills").contentType(MediaType.APPLICATION_JSON).content("{\"lines\":[{\"code\":\"A\",\"quantity\":\"many\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].quantity"))
                .andExpect(jsonPath("$.errors[0].reason").value("must be a whole number"));
        mvc.perform(post("/bills").contentType(MediaType.APPLICATION_JSON).content("{\"lines\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines"))
                .andExpect(content().string(not(containsString("java."))))
                .andExpect(content().string(not(containsString("org.yibao"))));
    }

    /** Found by this stop's black-box test: "must be a Optional", a Price's creator, a body's Java class. */
    @Test
    void noRefusalNamesAJavaTypeOrCreator() throws Exception {
        mvc.perform(get("/institutions?status=FOO"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].reason").value("must be one of [ACTIVE, SUSPENDED]"));
        mvc.perform(post("/bills").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"lines\":[{\"code\":\"A\",\"quantity\":1,\"unitPrice\":400}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("lines[0].unitPrice"))
                .andExpect(content().string(not(containsString("Creator"))))
                .andExpect(content().string(not(containsString("Price`"))));
        mvc.perform(post("/bills").contentType(MediaType.APPLICATION_JSON).content("[1, 2]"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andExpect(jsonPath("$.errors[0].reason").value("must be a JSON object"))
                .andExpect(content().string(not(containsString("org.yibao"))));
    }

    @Test
    void malformedJsonIsAProblemToo() throws Exception {
        mvc.perform(post("/bills").contentType(MediaType.APPLICATION_JSON).content("{\"person\":"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void domainValidationNamesItsField() throws Exception {
        mvc.perform(get("/bills/x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("id"))
                .andExpect(jsonPath("$.requestId").isNotEmpty());
    }

    @Test
    void unexpectedFailuresRevealNothing() throws Exception {
        mvc.perform(get("/boom"))
                .andExpect(status().isInternalServerError())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(content().string(not(containsString("secret"))));
    }
}
