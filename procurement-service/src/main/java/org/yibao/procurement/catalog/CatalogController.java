package org.yibao.procurement.catalog;

import jakarta.validation.constraints.Size;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.contracts.events.VbpCatalogPublished;
import org.yibao.messaging.outbox.OutboxWriter;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.InvalidRequestException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Recommended catalogs chosen from the selected products (e.g. the 两病 catalog, 63 of 392), published
 * as VbpCatalogPublished so settlement applies its zero-pay rule. Each publication is a new version
 * that replaces the previous one.
 */
@RestController
@RequestMapping("/api/procurement")
class CatalogController {

    record Publish(@NotBlank @Pattern(regexp = "[A-Z0-9_-]{1,32}") String catalogCode, @NotBlank @Size(max = 200) String name,
                   @NotNull @Pattern(regexp = "[1-9][0-9]{5}") String regionCode, @NotNull LocalDate effectiveFrom,
                   @NotEmpty @Size(max = 5000) List<@NotBlank @Size(max = 40) String> itemCodes) {
    }

    private final JdbcTemplate jdbc;
    private final OutboxWriter outbox;
    private final Clock clock;

    CatalogController(JdbcTemplate jdbc, OutboxWriter outbox, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.clock = clock;
    }

    @PostMapping("/recommended-catalogs")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    Map<String, Object> publish(@Valid @RequestBody Publish r) {
        List<VbpCatalogPublished.Item> items = new ArrayList<>();
        for (String code : r.itemCodes().stream().distinct().toList()) {
            List<String> generic = jdbc.queryForList("select generic_name from product where item_code = ?", String.class, code);
            if (generic.isEmpty()) {
                throw new InvalidRequestException("itemCodes", code + " is not a selected product of any batch");
            }
            items.add(new VbpCatalogPublished.Item(code, generic.get(0)));
        }
        int version = jdbc.queryForObject("select coalesce(max(version), 0) + 1 from recommended_catalog where catalog_code = ?",
                Integer.class, r.catalogCode());
        try {
            jdbc.update("""
                    insert into recommended_catalog (catalog_code, version, name, region_code, effective_from, items)
                    values (?, ?, ?, ?, ?, ?)""", r.catalogCode(), version, r.name(), r.regionCode(), r.effectiveFrom(),
                    String.join(",", items.stream().map(VbpCatalogPublished.Item::itemCode).toList()));
        } catch (DuplicateKeyException e) {
            throw new ConflictException("another version of " + r.catalogCode() + " was published at the same time; publish again");
        }
        outbox.append(new VbpCatalogPublished(r.catalogCode(), version, r.name(), r.regionCode(), r.effectiveFrom(), items,
                clock.instant()));
        return Map.of("catalogCode", r.catalogCode(), "version", version, "items", items.size());
    }
}
