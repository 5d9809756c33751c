package org.yibao.settlement.catalog;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import org.yibao.web.problem.InvalidRequestException;

import java.io.IOException;
import java.util.List;

/** The reimbursement catalog's imports and distribution, behind the gateway at {@code /api/settlement/catalog}. */
@RestController
@RequestMapping("/api/settlement/catalog")
class CatalogController {

    private final CatalogImports imports;
    private final CatalogDistribution distribution;

    CatalogController(CatalogImports imports, CatalogDistribution distribution) {
        this.imports = imports;
        this.distribution = distribution;
    }

    /**
     * The catalog's entries changed after version {@code afterVer} (0: all), oldest change first, a page of
     * at most {@code limit} (1-5,000); ask again with {@code nextAfterVer} until the page is empty. A
     * hospital keeps its copy current this way (the national downloads' {@code ver}).
     */
    @GetMapping("/items")
    CatalogPage items(@RequestParam(defaultValue = "0") long afterVer, @RequestParam(defaultValue = "1000") int limit) {
        if (afterVer < 0) {
            throw new InvalidRequestException("afterVer", "must not be negative");
        }
        if (limit < 1 || limit > 5_000) {
            throw new InvalidRequestException("limit", "must be between 1 and 5000");
        }
        List<CatalogStore.Entry> items = distribution.changedAfter(afterVer, limit);
        return new CatalogPage(items, items.isEmpty() ? afterVer : items.get(items.size() - 1).ver());
    }

    /** A page of changed entries and the version to ask after next (the last entry's, or the one asked after). */
    record CatalogPage(List<CatalogStore.Entry> items, long nextAfterVer) {
    }

    /**
     * The national catalog's item file (the 1312 layout, national field names as header), applied whole:
     * 200 with the report when applied, 422 with every refused row named when not (nothing changed).
     */
    @PostMapping(path = "/imports/items", consumes = {"text/csv", "text/tab-separated-values", "text/plain"})
    ResponseEntity<CatalogImports.Report> importItems(HttpServletRequest request) throws IOException {
        CatalogImports.Report report = imports.importItems(request.getInputStream(), request.getContentType());
        return ResponseEntity.status(report.applied() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(report);
    }
}
