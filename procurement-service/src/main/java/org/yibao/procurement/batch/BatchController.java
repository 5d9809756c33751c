package org.yibao.procurement.batch;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.web.problem.RequestParameters;

import java.util.List;

/** Procurement batches, behind the gateway at {@code /api/procurement/batches}. */
@RestController
@RequestMapping("/api/procurement/batches")
class BatchController {

    private final BatchService batches;

    BatchController(BatchService batches) {
        this.batches = batches;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    BatchView create(@Valid @RequestBody Batch batch) {
        return batches.create(batch);
    }

    @GetMapping("/{batchId}")
    BatchView get(@PathVariable String batchId) {
        return batches.get(batchId);
    }

    /** The batches in force at some time of the year (all batches when none is given), by start then id, each as {@code GET /{batchId}} answers it. */
    @GetMapping
    List<BatchView> inYear(@RequestParam(required = false) Integer year) {
        return batches.inYear(year == null ? null : RequestParameters.year(year));
    }
}
