package org.yibao.settlement.simulation;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.RequestParameters;
import org.yibao.web.text.TextUpload;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * Policy impact simulations (政策测算, issue 28) behind the gateway at {@code /api/settlement/policy-simulations}:
 * the bureau's managers upload a candidate pack and read what it would have changed.
 */
@RestController
@RequestMapping("/api/settlement/policy-simulations")
class PolicySimulationController {

    /** The largest candidate pack accepted (bytes); the shipped packs are under 10 KB. */
    static final int MAX_PACK_BYTES = 256 * 1024;

    private final PolicySimulationService simulations;

    PolicySimulationController(PolicySimulationService simulations) {
        this.simulations = simulations;
    }

    /**
     * Queues a simulation: the body is the candidate policy pack's YAML (a pack file's text, checked as the packs the
     * service loads); {@code year} the calendar year replayed; {@code from}/{@code to} (yyyy-MM-dd, within the year)
     * the service dates reported, the whole year when absent. Answers 202 with the simulation (QUEUED) and its
     * location; 400 naming {@code pack.<field>}, {@code year}, {@code from} or {@code to}.
     */
    @PostMapping(consumes = {"application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml", "text/plain"})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "the candidate policy pack's YAML", required = true,
            content = @Content(mediaType = "application/yaml", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "202", description = "queued",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = SimulationView.class)))
    ResponseEntity<SimulationView> submit(@RequestParam String year, @RequestParam(required = false) String from,
                                          @RequestParam(required = false) String to, HttpServletRequest request,
                                          CallerIdentity caller) throws IOException {
        // the body is read here and decoded strictly in its declared charset, UTF-8 when none (a String body would be
        // decoded as ISO-8859-1 for text/* without a charset, garbling every Chinese name)
        byte[] body = request.getInputStream().readNBytes(MAX_PACK_BYTES + 1);
        String contentType = request.getContentType();
        int y = RequestParameters.year(year);
        if (body.length > MAX_PACK_BYTES) {
            throw new InvalidRequestException("pack", "is larger than " + MAX_PACK_BYTES + " bytes");
        }
        String yaml = body.length == 0 ? null : TextUpload.decode(body, contentType);
        if (body.length > 0 && yaml == null) {
            throw new InvalidRequestException("pack", "is not valid text in its declared charset (UTF-8 when none is declared)");
        }
        SimulationView queued = simulations.submit(caller.clientId(), yaml, y, date(from, "from"), date(to, "to"));
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/settlement/policy-simulations/" + queued.id()))
                .body(queued);
    }

    /** The latest simulations (at most 100), newest first, without results. */
    @GetMapping
    List<SimulationView> latest() {
        return simulations.latest();
    }

    /** One simulation: its status and progress, and its result once it succeeded; 404 when there is none. */
    @GetMapping("/{id}")
    SimulationView get(@PathVariable UUID id) {
        return simulations.get(id);
    }

    /**
     * The result's groups as CSV (RFC 4180, UTF-8 with a byte order mark, CsvExport): one row per dimension and value,
     * each layer settled, replayed and their difference (yuan), then the ratios (percent); 409 until it succeeded.
     */
    @GetMapping("/{id}/report.csv")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    void report(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        SimulationCsv.groups(simulations.result(id), csv(response, "policy-simulation-" + id + ".csv"));
    }

    /** The persons whose cash payment rises and falls most, masked, as CSV; 409 until it succeeded. */
    @GetMapping("/{id}/persons.csv")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    void persons(@PathVariable UUID id, HttpServletResponse response) throws IOException {
        SimulationCsv.persons(simulations.result(id), csv(response, "policy-simulation-" + id + "-persons.csv"));
    }

    /** The response as a CSV download named {@code filename}: its writer. */
    private static java.io.PrintWriter csv(HttpServletResponse response, String filename) throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        return response.getWriter();
    }

    private static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(field, "must be a date written yyyy-MM-dd, was '" + text + "'");
        }
    }
}
