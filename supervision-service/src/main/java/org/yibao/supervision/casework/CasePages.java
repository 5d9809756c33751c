package org.yibao.supervision.casework;

import java.util.List;

/** The pages the case and clue lists answer: one page and how many there are in all. */
final class CasePages {

    private CasePages() {
    }

    /** One page of cases, the oldest open first, and how many cases the filter holds. */
    record CasePage(List<Case> cases, long total) {
    }

    /** One page of clues, the oldest first, and how many clues the filter holds. */
    record CluePage(List<ClueView> clues, long total) {
    }
}
