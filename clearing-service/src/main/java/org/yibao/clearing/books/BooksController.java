package org.yibao.clearing.books;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.web.csv.CsvExport;
import org.yibao.web.problem.InvalidRequestException;

import java.io.IOException;
import java.util.List;

/** The clearing's books per month and fund, behind the gateway at {@code /api/clearing/books/{year}}. */
@RestController
@RequestMapping("/api/clearing/books")
class BooksController {

    private final BooksService books;

    BooksController(BooksService books) {
        this.books = books;
    }

    /** The year's books (JSON), over a region's institutions (6 digits; a city's code covers its districts). */
    @GetMapping("/{year}")
    Books year(@PathVariable String year, @RequestParam String regionCode) {
        List<BooksLine> lines = books.year(year(year), region(regionCode));
        return new Books(year(year), regionCode, lines.stream().allMatch(BooksLine::balanced), lines);
    }

    /** The year's books and whether every line balances. */
    record Books(int year, String regionCode, boolean balanced, List<BooksLine> lines) {
    }

    /** The same as CSV (RFC 4180, formula-like cells neutralised: CsvExport), one row per month and fund. */
    @GetMapping("/{year}.csv")
    void csv(@PathVariable String year, @RequestParam String regionCode, HttpServletResponse response) throws IOException {
        List<BooksLine> lines = books.year(year(year), region(regionCode));
        response.setContentType("text/csv;charset=UTF-8");
        CsvExport out = CsvExport.to(response.getWriter(), "period", "fund", "owed", "inOrders", "open", "broughtForward", "withheld",
                "deducted", "recovered", "prepaymentRecovered", "deferred", "paid", "linesOff", "balanced");
        for (BooksLine l : lines) {
            out.row(l.period(), l.fund(), l.owed(), l.inOrders(), l.open(), l.broughtForward(), l.withheld(), l.deducted(), l.recovered(),
                    l.prepaymentRecovered(), l.deferred(), l.paid(), l.linesOff(), l.balanced());
        }
        out.flush();
    }

    private static int year(String text) {
        if (text == null || !text.matches("20[0-9]{2}|2100")) {
            throw new InvalidRequestException("year", "must be a year from 2000 to 2100");
        }
        return Integer.parseInt(text);
    }

    private static String region(String code) {
        if (code == null || !code.matches("[0-9]{6}")) {
            throw new InvalidRequestException("regionCode", "must be a 6-digit administrative division code");
        }
        return code;
    }
}
