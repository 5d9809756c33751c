package org.yibao.enrollment.person;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.yibao.enrollment.Ids;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.NotFoundException;

import java.util.List;
import java.util.Optional;

/** Persons, behind the gateway at {@code /api/enrollment/persons}. */
@RestController
@RequestMapping("/api/enrollment/persons")
class PersonController {

    private final PersonStore persons;

    PersonController(PersonStore persons) {
        this.persons = persons;
    }

    /** Registers a person: 201; 409 when the id is already registered. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    PersonView register(@Valid @RequestBody RegisterPersonRequest r) {
        Person person = new Person(r.personId(), Optional.of(r.name().trim()), r.personId().gender(), r.personId().birthDate(),
                r.regionCode(), Optional.ofNullable(r.householdId()), r.onResidencePermit());
        if (!persons.insert(person) && !persons.completeRegistration(person)) {
            throw new ConflictException("the person is already registered");
        }
        return PersonView.full(person);
    }

    @GetMapping("/{personId}")
    PersonView get(@PathVariable String personId) {
        return PersonView.full(persons.find(Ids.person(personId)).orElseThrow(() -> new NotFoundException("no such person")));
    }

    /** Persons in a region (a city code covers its districts), ids and names masked. */
    @GetMapping
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
}
