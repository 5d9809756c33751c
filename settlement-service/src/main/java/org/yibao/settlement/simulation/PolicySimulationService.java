package org.yibao.settlement.simulation;

import org.springframework.stereotype.Service;
import org.yibao.settlement.policy.InvalidPolicyPackException;
import org.yibao.settlement.policy.PolicyPack;
import org.yibao.settlement.policy.PolicyPackReader;
import org.yibao.web.problem.ConflictException;
import org.yibao.web.problem.FieldProblem;
import org.yibao.web.problem.InvalidRequestException;
import org.yibao.web.problem.NotFoundException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Policy impact simulation (政策测算, issue 28): staff upload a candidate policy pack and a period; the settled bills
 * are replayed under it in the background ({@link PolicySimulationRunner}) without touching a real accumulator, bill or
 * event, and the difference is kept for reading and download.
 */
@Service
public class PolicySimulationService {

    /** The most simulations a list shows. */
    static final int LISTED = 100;
    /**
     * The most simulations one staff member may have queued or running at once: an instance runs one at a time, so one
     * person's twenty year-long runs would hold everyone else's for a day (ASSUMPTION: three is enough to compare options).
     */
    static final int OPEN_PER_REQUESTER = 3;

    private final PolicySimulationStore store;
    private final PolicySimulationRunner runner;
    private final Clock clock;

    PolicySimulationService(PolicySimulationStore store, PolicySimulationRunner runner, Clock clock) {
        this.store = store;
        this.runner = runner;
        this.clock = clock;
    }

    /**
     * Queues a simulation of {@code candidateYaml} over the service dates {@code from} to {@code to} (inclusive, one
     * calendar year: accumulators are yearly; absent: the whole year).
     *
     * @param requestedBy the staff member, from the token
     * @throws InvalidRequestException (400) naming {@code pack.<field>} when the pack is not valid (checked as a pack
     *                                 file the service loads), or {@code from}/{@code to} when the period is not in the year
     * @throws ConflictException       (409) when the requester already has {@value #OPEN_PER_REQUESTER} queued or running
     */
    public SimulationView submit(String requestedBy, String candidateYaml, int year, LocalDate from, LocalDate to) {
        LocalDate first = from == null ? LocalDate.of(year, 1, 1) : from;
        LocalDate last = to == null ? LocalDate.of(year, 12, 31) : to;
        List<FieldProblem> problems = new ArrayList<>();
        if (first.getYear() != year) {
            problems.add(new FieldProblem("from", "must fall in " + year + " (accumulators are yearly), was " + first));
        }
        if (last.getYear() != year) {
            problems.add(new FieldProblem("to", "must fall in " + year + " (accumulators are yearly), was " + last));
        }
        if (problems.isEmpty() && last.isBefore(first)) {
            problems.add(new FieldProblem("to", "must not be before from (" + first + "), was " + last));
        }
        PolicyPack candidate = null;
        if (candidateYaml == null || candidateYaml.isBlank()) {
            problems.add(new FieldProblem("pack", "is required: the candidate policy pack's YAML as the request body"));
        } else {
            try {
                candidate = PolicyPackReader.readUpload(candidateYaml);
                if (candidate.label().length() > 120) {
                    problems.add(new FieldProblem("pack.id", "must be at most 110 characters, was " + candidate.id().length()));
                }
            } catch (InvalidPolicyPackException e) {
                problems.add(new FieldProblem("pack." + e.field(), e.reason()));
            } catch (RuntimeException e) {
                // the reader names every problem it knows; anything else it met is still the file's
                problems.add(new FieldProblem("pack", "cannot be read as a policy pack"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        if (store.open(requestedBy) >= OPEN_PER_REQUESTER) {
            throw new ConflictException("you have " + OPEN_PER_REQUESTER + " simulations queued or running; wait for one to finish");
        }
        UUID id = UUID.randomUUID();
        store.insert(id, requestedBy, clock.instant(), candidate.label(), candidate.regionCode(), candidate.scheme(),
                candidateYaml, year, first, last);
        runner.wake();
        return view(store.byId(id).orElseThrow());
    }

    /** @throws NotFoundException (404) when there is no such simulation */
    public SimulationView get(UUID id) {
        return view(stored(id));
    }

    /** The latest simulations, newest first, without their results. */
    public List<SimulationView> latest() {
        return store.latest(LISTED).stream().map(s -> SimulationView.of(s, null)).toList();
    }

    /**
     * A finished simulation's result.
     *
     * @throws NotFoundException (404) when there is no such simulation
     * @throws ConflictException (409) when it has not succeeded (yet)
     */
    public Finished result(UUID id) {
        PolicySimulationStore.Stored s = stored(id);
        if (s.status() != SimulationStatus.SUCCEEDED) {
            throw new ConflictException("simulation " + id + " has no result: it is " + s.status()
                    + (s.failure() == null ? "" : " (" + s.failure() + ")"));
        }
        return new Finished(SimulationView.of(s, null), store.result(s.result()));
    }

    /** A succeeded simulation and its result. */
    public record Finished(SimulationView simulation, SimulationResult result) {
    }

    private PolicySimulationStore.Stored stored(UUID id) {
        return store.byId(id).orElseThrow(() -> new NotFoundException("no policy simulation " + id));
    }

    private SimulationView view(PolicySimulationStore.Stored s) {
        return SimulationView.of(s, s.result() == null ? null : store.result(s.result()));
    }
}
