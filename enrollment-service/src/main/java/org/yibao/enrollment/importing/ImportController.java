package org.yibao.enrollment.importing;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/** Bulk enrollment files, behind the gateway at {@code /api/enrollment/imports}. */
@RestController
@RequestMapping("/api/enrollment")
class ImportController {

    private final EnrollmentImporter importer;

    ImportController(EnrollmentImporter importer) {
        this.importer = importer;
    }

    /** Streams a CSV body (any size) and answers the row-level report. */
    @PostMapping(path = "/imports", consumes = {"text/csv", "text/plain"})
    ImportReport importCsv(HttpServletRequest request) throws IOException {
        return importer.importCsv(request.getInputStream());
    }
}
