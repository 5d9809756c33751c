package org.yibao.care.institution;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.security.CallerIdentity;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.NotFoundException;

import java.util.Optional;
import java.util.Set;

/** Registers care institutions (a care officer) and finds them for applications and bills. */
@Service
public class InstitutionService {

    private final InstitutionStore store;

    InstitutionService(InstitutionStore store) {
        this.store = store;
    }

    /**
     * Registers an institution; the registering officer is the caller.
     *
     * @throws ConflictException (409) when the code is registered already
     */
    @Transactional
    public CareInstitution register(String code, String name, String regionCode, Set<org.yibao.contracts.events.CareSetting> settings,
                                    CallerIdentity caller) {
        CareInstitution institution = new CareInstitution(code, name, regionCode, settings, caller.clientId());
        if (!store.insert(institution)) {
            throw new ConflictException("care institution " + code + " is registered already");
        }
        return institution;
    }

    /** @throws NotFoundException (404) for a code not registered */
    @Transactional(readOnly = true)
    public CareInstitution get(String code) {
        return store.find(code).orElseThrow(() -> new NotFoundException("no care institution " + code));
    }

    @Transactional(readOnly = true)
    public Optional<CareInstitution> find(String code) {
        return store.find(code);
    }
}
