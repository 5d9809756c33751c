package org.yibao.enrollment.person;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.NotFoundException;

import java.util.List;
import java.util.Optional;

/** Registration of persons (参保人员登记) and look-ups of them. */
@Service
public class PersonService {

    private final PersonStore persons;

    PersonService(PersonStore persons) {
        this.persons = persons;
    }

    /**
     * Registers a person, or completes one first known from an assistance identity feed; 409 when the id
     * is already registered.
     */
    @Transactional
    public Person register(RegisterPersonRequest r) {
        Person person = new Person(r.personId(), Optional.of(r.name().trim()), r.personId().gender(), r.personId().birthDate(),
                r.regionCode(), Optional.ofNullable(r.householdId()), r.onResidencePermit());
        if (!persons.insert(person) && !persons.completeRegistration(person)) {
            throw new ConflictException("the person is already registered");
        }
        return person;
    }

    @Transactional(readOnly = true)
    public Person find(String personId) {
        return persons.find(personId).orElseThrow(() -> new NotFoundException("no such person"));
    }

    /** One page of the persons a search finds (by name then id), and how many it finds in all. */
    @Transactional(readOnly = true)
    public PersonSearchPage search(PersonSearch search, int limit, int offset) {
        return new PersonSearchPage(persons.search(search, limit, offset).stream().map(PersonView::full).toList(),
                persons.count(search));
    }

    /** Persons in a region (a city code covers its districts), by id. */
    @Transactional(readOnly = true)
    public List<Person> inRegion(String regionCode, int limit, int offset) {
        return persons.inRegion(regionCode, limit, offset);
    }
}
