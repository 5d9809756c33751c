package org.yibao.clearing.books;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.contracts.region.Regions;

import java.util.List;

/**
 * The clearing's books (基金结算台账) the bureau reads: per month and fund, what was owed, what the approved orders hold of
 * it and what is still open, and how the orders' parts add up — each line marked balanced or not.
 */
@Service
public class BooksService {

    private final BooksStore store;

    BooksService(BooksStore store) {
        this.store = store;
    }

    /** The year's books over the institutions whose own region lies in {@code regionCode}. */
    @Transactional(readOnly = true)
    public List<BooksLine> year(int year, String regionCode) {
        return store.year(year, Regions.likePattern(regionCode));
    }
}
