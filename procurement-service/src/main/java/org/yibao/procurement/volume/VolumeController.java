package org.yibao.procurement.volume;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;

/** Agreed-volume files and purchase reports, behind the gateway at {@code /api/procurement}. */
@RestController
@RequestMapping("/api/procurement")
class VolumeController {

    private final VolumeService volumes;

    VolumeController(VolumeService volumes) {
        this.volumes = volumes;
    }

    /** An institution's purchase report; 422 with every bad row when nothing was recorded. */
    @PostMapping(path = "/purchase-reports", consumes = {"text/csv", "text/plain"})
    ResponseEntity<Report> purchases(HttpServletRequest request) throws IOException {
        return answer(volumes.importPurchaseReport(request.getInputStream(), request.getContentType()));
    }

    /** 200 with the report when applied; 422 with every bad row when nothing was applied. */
    @PostMapping(path = "/agreed-volumes/{year}", consumes = {"text/csv", "text/plain"})
    ResponseEntity<Report> importCsv(@PathVariable int year, HttpServletRequest request) throws IOException {
        AgreementYear agreementYear = new AgreementYear(year);
        return answer(volumes.importAgreedVolumes(agreementYear, request.getInputStream(), request.getContentType()));
    }

    private static ResponseEntity<Report> answer(Report report) {
        return ResponseEntity.status(report.applied() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_CONTENT).body(report);
    }
}
