package org.yibao.procurement.volume;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.web.problem.InvalidRequestException;

import java.io.IOException;

/** Agreed-volume files and purchase reports, behind the gateway at {@code /api/procurement}. */
@RestController
@RequestMapping("/api/procurement")
class VolumeController {

    private final AgreedVolumes volumes;
    private final PurchaseReports purchases;

    VolumeController(AgreedVolumes volumes, PurchaseReports purchases) {
        this.volumes = volumes;
        this.purchases = purchases;
    }

    /** An institution's purchase report; 422 with every bad row when nothing was recorded. */
    @PostMapping(path = "/purchase-reports", consumes = {"text/csv", "text/plain"})
    ResponseEntity<AgreedVolumes.Report> purchases(HttpServletRequest request) throws IOException {
        AgreedVolumes.Report report = purchases.importCsv(request.getInputStream(), request.getContentType());
        return ResponseEntity.status(report.applied() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(report);
    }

    /** 200 with the report when applied; 422 with every bad row when nothing was applied. */
    @PostMapping(path = "/agreed-volumes/{year}", consumes = {"text/csv", "text/plain"})
    ResponseEntity<AgreedVolumes.Report> importCsv(@PathVariable int year, HttpServletRequest request) throws IOException {
        if (year < 2000 || year > 2100) {
            throw new InvalidRequestException("year", "must be between 2000 and 2100");
        }
        AgreedVolumes.Report report = volumes.importCsv(year, request.getInputStream(), request.getContentType());
        return ResponseEntity.status(report.applied() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(report);
    }
}
