package org.yibao.settlement.events;

import org.springframework.stereotype.Component;
import org.yibao.contracts.events.CertificationChanged;
import org.yibao.messaging.consumer.EventHandler;
import org.yibao.messaging.consumer.EventMetadata;
import org.yibao.settlement.readmodel.Certification;
import org.yibao.settlement.readmodel.ReadModels;

import java.util.Optional;

@Component
class CertificationChangedHandler implements EventHandler<CertificationChanged> {

    private final ReadModels readModels;

    CertificationChangedHandler(ReadModels readModels) {
        this.readModels = readModels;
    }

    @Override
    public void handle(CertificationChanged e, EventMetadata metadata) {
        readModels.upsertCertification(new Certification(e.certificationId(), e.personId(), e.diseaseCode(),
                e.diseaseName(), e.status(), e.validFrom(), Optional.ofNullable(e.validTo())));
    }
}
