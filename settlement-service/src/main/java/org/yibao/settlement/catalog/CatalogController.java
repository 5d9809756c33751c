package org.yibao.settlement.catalog;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/** The reimbursement catalog's imports, behind the gateway at {@code /api/settlement/catalog}. */
@RestController
@RequestMapping("/api/settlement/catalog")
class CatalogController {

    private final CatalogImports imports;

    CatalogController(CatalogImports imports) {
        this.imports = imports;
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
