package org.yibao.procurement.batch;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.NotFoundException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Procurement batches and their selected products, with the price cuts they bring. */
@Service
public class BatchService {

    public enum Level { NATIONAL, PROVINCIAL, ALLIANCE }

    public enum Kind { DRUG, CONSUMABLE }

    /**
     * A selected product.
     *
     * @param winningPrice  the price won in the procurement, yuan per unit (up to 4 decimals, below 100,000,000)
     * @param previousPrice the price before the procurement, yuan per unit (the same bounds)
     */
    public record Product(@NotBlank @Size(max = 40) String itemCode, @NotBlank @Size(max = 200) String genericName,
                          @NotBlank @Size(max = 200) String specification, @NotBlank @Size(max = 200) String manufacturer,
                          @NotNull @DecimalMin("0.0001") @DecimalMax("99999999.9999") @Digits(integer = 8, fraction = 4) BigDecimal winningPrice,
                          @NotNull @DecimalMin("0.0001") @DecimalMax("99999999.9999") @Digits(integer = 8, fraction = 4) BigDecimal previousPrice) {
    }

    /** An item of the same generic that was not selected; its use counts against the VBP share. */
    public record SameGeneric(@NotBlank @Size(max = 40) String itemCode, @NotBlank @Size(max = 200) String genericName) {
    }

    /** @param batchId letters, digits, '-' and '_' (it is part of URLs), at most 40 */
    public record Batch(@NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9_-]{0,39}",
                                message = "must be 1-40 letters, digits, '-' or '_', starting with a letter or digit") String batchId, @NotBlank @Size(max = 200) String name, @NotNull Level level,
                        @NotNull Kind kind, @NotNull LocalDate startsOn, @NotNull LocalDate endsOn,
                        @NotEmpty @Size(max = 5000) List<@Valid @NotNull Product> products,
                        @Size(max = 5000) List<@Valid @NotNull SameGeneric> sameGenericItems) {
    }

    private final JdbcClient jdbc;

    BatchService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public Map<String, Object> create(Batch b) {
        if (b.endsOn().isBefore(b.startsOn())) {
            throw new InvalidRequestException("endsOn", "must not be before startsOn");
        }
        try {
            jdbc.sql("insert into batch (batch_id, name, level, kind, starts_on, ends_on) values (?, ?, ?, ?, ?, ?)")
                    .params(b.batchId(), b.name(), b.level().name(), b.kind().name(), b.startsOn(), b.endsOn()).update();
            for (int i = 0; i < b.products().size(); i++) {
                Product p = b.products().get(i);
                jdbc.sql("""
                                insert into product (item_code, batch_id, generic_name, specification, manufacturer, winning_price,
                                    previous_price) values (?, ?, ?, ?, ?, ?, ?)""")
                        .params(p.itemCode(), b.batchId(), p.genericName(), p.specification(), p.manufacturer(),
                                p.winningPrice(), p.previousPrice()).update();
            }
            for (SameGeneric g : b.sameGenericItems() == null ? List.<SameGeneric>of() : b.sameGenericItems()) {
                jdbc.sql("insert into same_generic_item (item_code, generic_name) values (?, ?) on conflict do nothing")
                        .params(g.itemCode(), g.genericName()).update();
            }
        } catch (DuplicateKeyException e) {
            throw new ConflictException("the batch or one of its products is already registered");
        }
        return get(b.batchId());
    }

    /** The batch with each product's price cut and the batch's average cut (the mean of its products'). */
    @Transactional(readOnly = true)
    public Map<String, Object> get(String batchId) {
        Map<String, Object> batch = jdbc.sql("select * from batch where batch_id = ?").param(batchId).query().listOfRows()
                .stream().findFirst().orElseThrow(() -> new NotFoundException("no batch " + batchId));
        List<Map<String, Object>> products = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (Map<String, Object> p : jdbc.sql("select * from product where batch_id = ? order by item_code").param(batchId)
                .query().listOfRows()) {
            BigDecimal cut = cut((BigDecimal) p.get("winning_price"), (BigDecimal) p.get("previous_price"));
            Map<String, Object> row = new LinkedHashMap<>(p);
            row.put("price_cut_percent", cut);
            products.add(row);
            sum = sum.add(cut);
        }
        Map<String, Object> out = new LinkedHashMap<>(batch);
        out.put("products", products);
        out.put("average_price_cut_percent", products.isEmpty() ? BigDecimal.ZERO
                : sum.divide(BigDecimal.valueOf(products.size()), 2, RoundingMode.HALF_UP));
        return out;
    }

    static BigDecimal cut(BigDecimal winning, BigDecimal previous) {
        return previous.subtract(winning).multiply(BigDecimal.valueOf(100)).divide(previous, 2, RoundingMode.HALF_UP);
    }
}
