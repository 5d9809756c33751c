package org.yibao.procurement.volume;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.procurement.batch.BatchStore;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/**
 * Agreed volumes imported as a file (institution,itemCode,volume) for an agreement year, and purchase
 * reports (institution,itemCode,quantity,purchasedOn). A file is applied whole or not at all: any bad
 * row (unknown product, a volume that is not positive, a row repeated) is reported with its line and
 * reason and nothing of the file is applied.
 */
@Service
class VolumeService {

    private final VolumeStore store;
    private final BatchStore batches;

    VolumeService(VolumeStore store, BatchStore batches) {
        this.store = store;
        this.batches = batches;
    }

    @Transactional
    Report importAgreedVolumes(AgreementYear year, InputStream body, String contentType) throws IOException {
        return VolumeFile.read(body, contentType, AgreedVolume.COLUMNS, AgreedVolume.rows(batches.selectedItemCodes()))
                .applyWhole(volumes -> store.saveAgreedVolumes(year.value(), volumes));
    }

    @Transactional
    Report importPurchaseReport(InputStream body, String contentType) throws IOException {
        return VolumeFile.read(body, contentType, Purchase.COLUMNS, Purchase.rows(batches.selectedItemCodes()))
                .applyWhole(purchases -> store.savePurchases(UUID.randomUUID(), purchases));
    }
}
