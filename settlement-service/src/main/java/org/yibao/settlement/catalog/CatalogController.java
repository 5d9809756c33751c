package org.yibao.settlement.catalog;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.contracts.events.ItemCategory;
import org.yibao.web.problem.InvalidRequestException;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

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
     * hospital keeps its copy current this way (the national downloads' {@code ver}); {@code category}
     * (DRUG, TCM_HERBAL, SERVICE, CONSUMABLE) keeps to one kind, as the national downloads 1301-1306 do.
     * A removed entry comes with {@code removed} true (and only its code, begin date and category).
     */
    @GetMapping("/items")
    CatalogPage items(@RequestParam(defaultValue = "0") long afterVer, @RequestParam(defaultValue = "1000") int limit,
                      @RequestParam Optional<ItemCategory> category) {
        if (afterVer < 0) {
            throw new InvalidRequestException("afterVer", "must not be negative");
        }
        if (limit < 1 || limit > 5_000) {
            throw new InvalidRequestException("limit", "must be between 1 and 5000");
        }
        List<CatalogStore.Entry> items = distribution.changedAfter(afterVer, category, limit);
        // removals come as entries with removed true (a hospital drops its copy of that code and begin date)
        return new CatalogPage(items, items.isEmpty() ? afterVer : items.get(items.size() - 1).ver());
    }

    /** Price ceilings in the 1318 layout (medins_lv for a level's own); as the item file, whole or not at all. */
    @PostMapping(path = "/imports/ceilings", consumes = {"text/csv", "text/tab-separated-values", "text/plain"})
    ResponseEntity<CatalogImports.Report> importCeilings(HttpServletRequest request) throws IOException {
        return answer(imports.importCeilings(request.getInputStream(), request.getContentType()));
    }

    /** Items' own prior self-pay ratios in the 1319 layout; as the item file, whole or not at all. */
    @PostMapping(path = "/imports/selfpay-ratios", consumes = {"text/csv", "text/tab-separated-values", "text/plain"})
    ResponseEntity<CatalogImports.Report> importRatios(HttpServletRequest request) throws IOException {
        return answer(imports.importRatios(request.getInputStream(), request.getContentType()));
    }

    /** Restricted-payment conditions (限定支付范围) in the bureau's layout; as the item file, whole or not at all. */
    @PostMapping(path = "/imports/restrictions", consumes = {"text/csv", "text/tab-separated-values", "text/plain"})
    ResponseEntity<CatalogImports.Report> importRestrictions(HttpServletRequest request) throws IOException {
        return answer(imports.importRestrictions(request.getInputStream(), request.getContentType()));
    }

    private static ResponseEntity<CatalogImports.Report> answer(CatalogImports.Report report) {
        return ResponseEntity.status(report.applied() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(report);
    }

    /** A page of changed entries and the version to ask after next (the last entry's, or the one asked after). */
    record CatalogPage(List<CatalogStore.Entry> items, long nextAfterVer) {
    }

    /**
     * The national catalog's item file (the 1312 layout, or 1301/1302/1305/1306; national field names as header), applied whole:
     * 200 with the report when applied, 422 with every refused row named when not (nothing changed).
     */
    @PostMapping(path = "/imports/items", consumes = {"text/csv", "text/tab-separated-values", "text/plain"})
    ResponseEntity<CatalogImports.Report> importItems(HttpServletRequest request) throws IOException {
        return answer(imports.importItems(request.getInputStream(), request.getContentType()));
    }
}
