package org.yibao.enrollment.importing;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/** Bulk enrollment files and registry comparisons, behind the gateway at {@code /api/enrollment}. */
@RestController
@RequestMapping("/api/enrollment")
class ImportController {

    private final ImportService importer;
    private final DuplicateCheckService duplicates;

    ImportController(ImportService importer, DuplicateCheckService duplicates) {
        this.importer = importer;
        this.duplicates = duplicates;
    }

    /** Streams a CSV body (any size) and answers the row-level report. */
    @PostMapping(path = "/imports", consumes = {"text/csv", "text/plain"})
    ImportReport importCsv(HttpServletRequest request) throws IOException {
        return importer.importCsv(request.getInputStream(), request.getContentType());
    }

    /** Compares another registry's enrollment list with ours (参保数据比对) and reports who is enrolled on both sides. */
    @PostMapping(path = "/duplicate-checks", consumes = {"text/csv", "text/plain"})
    DuplicateCheckService.Report duplicateCheck(HttpServletRequest request) throws IOException {
        return duplicates.check(request.getInputStream(), request.getContentType());
    }
}
