package org.yibao.supervision.inspection;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.ForbiddenException;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.NotFoundException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Annual inspection plans and the supervision report. A plan reaches every institution with an
 * agreement (全覆盖); the order and the two inspectors of each visit are drawn at random (双随机) from
 * a seed that is stored with the plan, so anyone can redo the draw and see it was not chosen by hand.
 */
@Service
public class InspectionService {

    /** A plan drawn: the seed to redo the draw, and how many institutions it reaches. */
    record PlanDrawn(int year, long seed, int institutions) {
    }

    private final InspectionStore store;

    InspectionService(InspectionStore store) {
        this.store = store;
    }

    @Transactional
    public PlanDrawn plan(int year, List<String> inspectors, long seed, String createdBy) {
        List<String> pool = inspectors.stream().map(String::trim).filter(s -> !s.isEmpty()).distinct().toList();
        if (pool.size() < 2) {
            throw new InvalidRequestException("inspectors", "needs at least two different inspectors");
        }
        if (!store.addPlan(year, seed, createdBy)) {
            throw new ConflictException("the " + year + " inspection plan was already drawn");
        }
        List<String> institutions = new ArrayList<>(store.institutionsToInspect());
        Random random = new Random(seed);
        Collections.shuffle(institutions, random);
        for (int i = 0; i < institutions.size(); i++) {
            List<String> drawn = new ArrayList<>(pool);
            Collections.shuffle(drawn, random);
            store.addInspection(year, institutions.get(i), i + 1, drawn.get(0), drawn.get(1));
        }
        return new PlanDrawn(year, seed, institutions.size());
    }

    @Transactional(readOnly = true)
    public List<Inspection> inspections(int year) {
        return store.inspections(year);
    }

    /**
     * Records an inspection's result. The inspection belongs to the two inspectors the plan drew for
     * it: only one of them records it (the caller's staff id from the token).
     *
     * @throws NotFoundException  (404) when the plan has no open inspection of the institution
     * @throws ForbiddenException (403) when the recorder is not one of the drawn inspectors
     */
    @Transactional
    public void record(int year, String institution, LocalDate inspectedOn, String finding, String note, String recorder) {
        InspectionFinding found = InspectionFinding.of(finding);
        List<String> inspectors = store.lockOpen(year, institution)
                .orElseThrow(() -> new NotFoundException("no open inspection of " + institution + " in the " + year + " plan"));
        if (!inspectors.contains(recorder)) {
            throw new ForbiddenException("the " + year + " inspection of " + institution + " was drawn for " + inspectors
                    + "; " + recorder + " may not record its result");
        }
        store.recordResult(year, institution, inspectedOn, found, note, recorder);
    }

    /** The year's supervision report, as the Zhumadian seed gives it. */
    @Transactional(readOnly = true)
    public SupervisionReport report(int year) {
        return store.report(year);
    }
}
