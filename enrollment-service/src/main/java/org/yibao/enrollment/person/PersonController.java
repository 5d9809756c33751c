package org.yibao.enrollment.person;

import org.yibao.web.problem.RequestParameters;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.web.problem.InvalidRequestException;

import java.util.List;

/**
 * Persons, behind the gateway at {@code /api/enrollment/persons}, and the staff's person search at
 * {@code /api/enrollment/person-search} (not under {@code /persons}: the access policy reads
 * {@code /persons/search} as a person's id).
 */
@RestController
@RequestMapping("/api/enrollment")
class PersonController {

    private final PersonService persons;

    PersonController(PersonService persons) {
        this.persons = persons;
    }

    /** Registers a person: 201; 409 when the id is already registered. */
    @PostMapping("/persons")
    @ResponseStatus(HttpStatus.CREATED)
    PersonView register(@Valid @RequestBody RegisterPersonRequest r) {
        return PersonView.full(persons.register(r));
    }

    @GetMapping("/persons/{personId}")
    PersonView get(@PathVariable String personId) {
        return PersonView.full(persons.find(RequestParameters.person(personId)));
    }

    /** Persons in a region (a city code covers its districts), ids and names masked. */
    @GetMapping("/persons")
    List<PersonView> inRegion(@RequestParam String region, @RequestParam(defaultValue = "100") int limit,
                              @RequestParam(defaultValue = "0") int offset) {
        if (!region.matches("[1-9][0-9]{5}")) {
            throw new InvalidRequestException("region", "must be a 6-digit administrative division code");
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidRequestException("limit", "must be between 1 and 1000");
        }
        if (offset < 0) {
            throw new InvalidRequestException("offset", "must not be negative");
        }
        return persons.inRegion(region, limit, offset).stream().map(PersonView::masked).toList();
    }

    /**
     * Persons found by a name's beginning, a whole resident id or its last 4 to 17 characters, in any region
     * or one (a city code covers its districts); by name then id; {@code limit} 1-200, {@code offset} from 0.
     * Ids and names are whole: the console opens a person from the list and masks the id it shows.
     */
    @GetMapping("/person-search")
    PersonSearchPage search(@RequestParam String q, @RequestParam(required = false) String region,
                            @RequestParam(defaultValue = "50") int limit, @RequestParam(defaultValue = "0") int offset) {
        PersonSearch search = PersonSearch.of(q, region);
        if (limit < 1 || limit > 200) {
            throw new InvalidRequestException("limit", "must be between 1 and 200");
        }
        if (offset < 0) {
            throw new InvalidRequestException("offset", "must not be negative");
        }
        return persons.search(search, limit, offset);
    }
}
