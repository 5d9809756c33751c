package org.yibao.procurement.batch;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.procurement.nationalcatalog.Listing;
import org.yibao.procurement.nationalcatalog.NationalCatalogService;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.NotFoundException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * Procurement batches and their selected products, with the price cuts they bring and, beside each
 * product, the national reimbursement catalog's (医保目录) name and class of its code today (Beijing time).
 */
@Service
public class BatchService {

    private final BatchStore store;
    private final NationalCatalogService nationalCatalog;
    private final Clock clock;

    BatchService(BatchStore store, NationalCatalogService nationalCatalog, Clock clock) {
        this.store = store;
        this.nationalCatalog = nationalCatalog;
        this.clock = clock;
    }

    /** Registers a batch whole, or refuses it: 400 when it ends before it starts, 409 when it or a product is known. */
    @Transactional
    public BatchView create(Batch b) {
        if (b.endsOn().isBefore(b.startsOn())) {
            throw new InvalidRequestException("endsOn", "must not be before startsOn");
        }
        try {
            store.insert(b, b.sameGenericItems() == null ? List.of() : b.sameGenericItems());
        } catch (DuplicateKeyException e) {
            throw new ConflictException("the batch or one of its products is already registered");
        }
        return view(b.batchId());
    }

    /** The batch with each product's price cut and the batch's average cut (the mean of its products'). */
    @Transactional(readOnly = true)
    public BatchView get(String batchId) {
        return view(batchId);
    }

    /**
     * The batches in force at some time of the year (all when none), by start: three queries whatever their
     * number (the batches, their products, the national catalog's listing of all their codes).
     */
    @Transactional(readOnly = true)
    public List<BatchView> inYear(Integer year) {
        List<RegisteredBatch> found = store.inYear(year);
        java.util.Map<String, List<Product>> products = store.productsOf(found.stream().map(RegisteredBatch::batchId).toList());
        Listing national = nationalCatalog.listing(products.values().stream().flatMap(List::stream).map(Product::itemCode).toList(),
                LocalDate.now(clock));
        return found.stream().map(b -> BatchView.of(b, products.get(b.batchId()), national)).toList();
    }

    private BatchView view(String batchId) {
        RegisteredBatch batch = store.find(batchId).orElseThrow(() -> new NotFoundException("no batch " + batchId));
        List<Product> products = store.products(batchId);
        return BatchView.of(batch, products,
                nationalCatalog.listing(products.stream().map(Product::itemCode).toList(), LocalDate.now(clock)));
    }
}
