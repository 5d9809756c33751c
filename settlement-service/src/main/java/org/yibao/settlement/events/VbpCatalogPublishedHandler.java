package org.yibao.settlement.events;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.yibao.contracts.events.VbpCatalogPublished;
import org.yibao.messaging.consumer.EventHandler;
import org.yibao.messaging.consumer.EventMetadata;
import org.yibao.settlement.readmodel.ReadModels;

@Component
class VbpCatalogPublishedHandler implements EventHandler<VbpCatalogPublished> {

    private static final Logger log = LoggerFactory.getLogger(VbpCatalogPublishedHandler.class);

    private final ReadModels readModels;

    VbpCatalogPublishedHandler(ReadModels readModels) {
        this.readModels = readModels;
    }

    @Override
    public void handle(VbpCatalogPublished e, EventMetadata metadata) {
        if (!readModels.publishCatalog(e)) {
            log.info("catalog {} version {} is not newer than the one held; ignored", e.catalogCode(), e.version());
        }
    }
}
