package org.yibao.settlement.simulation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.yibao.contracts.region.Regions;
import org.yibao.settlement.adjudication.Adjudicator;
import org.yibao.settlement.policy.PolicyPack;
import org.yibao.settlement.policy.PolicyPackReader;
import org.yibao.settlement.policy.PolicyPacks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs queued policy simulations in the background, one at a time per instance, on a thread of its own. A run reads
 * the settled bills a page of persons at a time (each page its own short read, so no transaction stays open for the
 * hour a large year takes, and memory holds one page), replays each person's year ({@link Replay}) and sums it
 * ({@link SimulationTally}); it records progress after every page, which is also its sign of life. A run whose
 * instance stopped is claimed again by any instance after {@link #STALE} and starts over: the replay is deterministic.
 *
 * <p>The replay reads bills and reversals numbered up to when it started; bills settled while it runs are not in it.
 */
@Component
class PolicySimulationRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PolicySimulationRunner.class);

    /** How often an idle worker looks for queued work another instance accepted (this instance's own wake it at once). */
    static final Duration POLL = Duration.ofSeconds(5);
    /** A running simulation without progress for this long is taken over. */
    static final Duration STALE = Duration.ofMinutes(2);
    /** Persons read and replayed per page. */
    static final int PAGE = 500;

    private final PolicySimulationStore store;
    private final PolicyPacks packs;
    private final Replay replay;
    private final UUID worker = UUID.randomUUID();
    private final Semaphore wake = new Semaphore(0);
    private volatile Thread thread;

    PolicySimulationRunner(PolicySimulationStore store, PolicyPacks packs, Adjudicator adjudicator) {
        this.store = store;
        this.packs = packs;
        this.replay = new Replay(adjudicator);
    }

    /** Asks the worker to look for work now (a simulation was just queued). */
    void wake() {
        wake.release();
    }

    @Override
    public void start() {
        Thread t = new Thread(this::loop, "policy-simulation");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    @Override
    public void stop() {
        Thread t = thread;
        thread = null;
        if (t != null) {
            t.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void loop() {
        while (thread == Thread.currentThread()) {
            try {
                Optional<UUID> next = store.claimNext(worker, STALE);
                if (next.isPresent()) {
                    run(next.get());
                } else {
                    wake.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the database away for a moment: try again after a pause; a claimed run is taken over when stale
                log.warn("policy simulation worker: {}", e.toString());
                try {
                    Thread.sleep(POLL.toMillis());
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }
    }

    /** Runs one claimed simulation to its end, or until another worker took it over. */
    void run(UUID id) {
        PolicySimulationStore.Stored s = store.byId(id).orElseThrow();
        try {
            PolicyPack candidate = PolicyPackReader.readUpload(s.candidateYaml());
            long upTo = store.lastSeq();
            long total = store.billsInScope(s.year(), candidate.scheme(), candidate.regionCode(), upTo);
            if (!store.scope(id, worker, upTo, total)) {
                return;
            }
            SimulationTally tally = new SimulationTally(s.from(), s.to());
            String after = "";
            long done = 0;
            while (true) {
                List<String> persons = store.personsAfter(after, s.year(), candidate.scheme(), candidate.regionCode(), upTo, PAGE);
                if (persons.isEmpty()) {
                    break;
                }
                List<ReplayBill> bills = store.bills(persons, s.year(), candidate.scheme(), upTo);
                int start = 0;
                for (int i = 1; i <= bills.size(); i++) {
                    if (i == bills.size() || !bills.get(i).personId().equals(bills.get(start).personId())) {
                        List<ReplayBill> person = bills.subList(start, i);
                        tally.person(person.get(0).personId(), replay.person(new ArrayList<>(person), b -> choose(candidate, b)));
                        start = i;
                    }
                }
                done += bills.size();
                if (!store.progress(id, worker, done)) {
                    log.info("policy simulation {} was taken over by another worker; this one stops", id);
                    return;
                }
                after = persons.get(persons.size() - 1);
            }
            store.succeed(id, worker, done, tally.result());
        } catch (RuntimeException e) {
            log.warn("policy simulation {} failed", id, e);
            store.fail(id, worker, e.toString());
        }
    }

    /**
     * The pack that replays a bill: the candidate for a bill in its region and scheme, unless the bill was settled under
     * a pack of a smaller region inside the candidate's (a district's own pack stays in force under a city's candidate);
     * any other bill under the pack that settled it, when still loaded.
     */
    private Optional<Replay.Choice> choose(PolicyPack candidate, ReplayBill bill) {
        Optional<PolicyPack> own = packs.byLabel(bill.policyPack());
        boolean inRegion = bill.scheme() == candidate.scheme() && Regions.contains(candidate.regionCode(), bill.regionCode());
        boolean ownIsNarrower = own.map(p -> !p.regionCode().equals(candidate.regionCode())
                && Regions.contains(candidate.regionCode(), p.regionCode())).orElse(false);
        if (inRegion && !ownIsNarrower) {
            return Optional.of(new Replay.Choice(candidate, true));
        }
        return own.map(p -> new Replay.Choice(p, false));
    }
}
