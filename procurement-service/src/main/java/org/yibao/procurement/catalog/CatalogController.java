package org.yibao.procurement.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.contracts.events.VbpCatalogPublished;

import java.time.LocalDate;
import java.util.List;

/** Recommended catalogs (推荐目录), behind the gateway at {@code /api/procurement/recommended-catalogs}. */
@RestController
@RequestMapping("/api/procurement")
class CatalogController {

    record Publish(@NotBlank @Pattern(regexp = "[A-Z0-9_-]{1,32}") String catalogCode, @NotBlank @Size(max = 200) String name,
                   @NotNull @Pattern(regexp = "[1-9][0-9]{5}") String regionCode, @NotNull LocalDate effectiveFrom,
                   @NotEmpty @Size(max = 5000) List<@NotBlank @Size(max = 40) String> itemCodes) {
    }

    /**
     * The version published, how many distinct items it holds and those items, each beside the national
     * reimbursement catalog's name and class on the catalog's effectiveFrom where it lists the code.
     */
    record Published(String catalogCode, int version, int items, List<CatalogItem> catalogItems) {
    }

    private final CatalogService catalogs;

    CatalogController(CatalogService catalogs) {
        this.catalogs = catalogs;
    }

    @PostMapping("/recommended-catalogs")
    @ResponseStatus(HttpStatus.CREATED)
    Published publish(@Valid @RequestBody Publish r) {
        Publication publication = catalogs.publish(r.catalogCode(), r.name(), r.regionCode(), r.effectiveFrom(), r.itemCodes());
        VbpCatalogPublished published = publication.published();
        return new Published(published.catalogCode(), published.version(), published.items().size(), publication.items());
    }
}
