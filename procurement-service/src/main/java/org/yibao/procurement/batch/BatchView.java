package org.yibao.procurement.batch;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.yibao.contracts.events.ItemClass;
import org.yibao.procurement.nationalcatalog.CatalogEntry;
import org.yibao.procurement.nationalcatalog.Listing;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A batch as the API answers it: its stored columns under their column names (snake_case), each
 * product's price cut and the national catalog's name and class of its code, and the batch's average cut
 * (the mean of its products').
 *
 * <p>{@code starts_on} and {@code ends_on} are dates ({@code 2026-01-01}). The first version rendered
 * them as midnight in the JVM's zone written in UTC, the previous day on a server in Beijing time.
 */
public record BatchView(@JsonProperty("batch_id") String batchId, String name, Level level, Kind kind,
                        @JsonProperty("starts_on") LocalDate startsOn,
                        @JsonProperty("ends_on") LocalDate endsOn,
                        @JsonProperty("created_at") @UtcMillis Instant createdAt,
                        List<ProductView> products,
                        @JsonProperty("average_price_cut_percent") BigDecimal averagePriceCutPercent) {

    /**
     * A selected product with its price cut, in percent, and the national reimbursement catalog's (医保目录)
     * name and class (甲/乙/丙: A/B/C) of its code today; both null where procurement's copy of the catalog
     * does not list the code today.
     */
    public record ProductView(@JsonProperty("item_code") String itemCode, @JsonProperty("batch_id") String batchId,
                              @JsonProperty("generic_name") String genericName, String specification, String manufacturer,
                              @JsonProperty("winning_price") BigDecimal winningPrice,
                              @JsonProperty("previous_price") BigDecimal previousPrice,
                              @JsonProperty("price_cut_percent") BigDecimal priceCutPercent,
                              @JsonProperty("national_name") String nationalName,
                              @JsonProperty("item_class") ItemClass itemClass) {
    }

    /** An instant as a UTC time with milliseconds, e.g. {@code 2026-11-30T17:35:16.406Z}. */
    @Retention(RetentionPolicy.RUNTIME)
    @JacksonAnnotationsInside
    @JsonFormat(shape = JsonFormat.Shape.STRING, pattern = "yyyy-MM-dd'T'HH:mm:ss.SSSXXX", timezone = "UTC")
    @interface UtcMillis {
    }

    static BatchView of(RegisteredBatch batch, List<Product> products, Listing national) {
        List<ProductView> priced = products.stream()
                .map(p -> new ProductView(p.itemCode(), batch.batchId(), p.genericName(), p.specification(), p.manufacturer(),
                        p.winningPrice(), p.previousPrice(), PriceCut.percent(p.winningPrice(), p.previousPrice()),
                        national.entry(p.itemCode()).map(CatalogEntry::name).orElse(null),
                        national.entry(p.itemCode()).map(CatalogEntry::itemClass).orElse(null)))
                .toList();
        return new BatchView(batch.batchId(), batch.name(), batch.level(), batch.kind(), batch.startsOn(),
                batch.endsOn(), batch.createdAt(), priced,
                PriceCut.average(priced.stream().map(ProductView::priceCutPercent).toList()));
    }
}
