package org.yibao.settlement.simulation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.yibao.settlement.adjudication.Adjudicator;
import org.yibao.settlement.policy.PolicyPack;
import org.yibao.settlement.policy.PolicyPackReader;
import org.yibao.settlement.policy.PolicyPacks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Runs queued policy simulations in the background, one at a time per instance, on a thread of its own. A run reads
 * the settled bills a page at a time (at most {@link #PAGE_PERSONS} persons and about {@link #PAGE_BILLS} bills, each
 * page its own short reads, so no transaction stays open for the hour a large year takes, and memory holds one page),
 * replays each person's year ({@link Replay}) and sums it ({@link SimulationTally}); a page's reads are retried on a
 * transient database fault. While a run is in progress a timer writes its sign of life every {@link #HEARTBEAT}; a run
 * silent for {@link #STALE} (its instance stopped) is claimed again by any instance and starts over — the replay is
 * deterministic — at most {@link #MAX_ATTEMPTS} times, then it is failed.
 *
 * <p>The replay reads bills and reversals numbered up to when it started; bills settled while it runs are not in it.
 */
@Component
class PolicySimulationRunner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PolicySimulationRunner.class);

    /** How often an idle worker looks for queued work another instance accepted (this instance's own wake it at once). */
    static final Duration POLL = Duration.ofSeconds(5);
    /** How often a running simulation says it is alive. */
    static final Duration HEARTBEAT = Duration.ofSeconds(30);
    /** A running simulation without a sign of life for this long is taken over. */
    static final Duration STALE = Duration.ofMinutes(2);
    /** Claims of one run before it is failed (an instance that dies on it each time must not take the others down). */
    static final int MAX_ATTEMPTS = 3;
    /** Persons read and replayed per page, at most. */
    static final int PAGE_PERSONS = 500;
    /** Bills per page, about: a page ends at the person that reaches it (one person's bills are never split). */
    static final int PAGE_BILLS = 20_000;
    /** Attempts of one read on a transient database fault, a second apart and then two. */
    private static final int READ_ATTEMPTS = 3;

    private final PolicySimulationStore store;
    private final PolicyPacks packs;
    private final Replay replay;
    private final UUID worker = UUID.randomUUID();
    private final Semaphore wake = new Semaphore(0);
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "policy-simulation-heartbeat");
        t.setDaemon(true);
        return t;
    });
    private volatile Thread thread;
    private volatile boolean stopping;

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
        stopping = false;
        Thread t = new Thread(this::loop, "policy-simulation");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Stops between pages: a run in progress is left RUNNING and taken over (from the start) once stale. */
    @Override
    public void stop() {
        stopping = true;
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
        while (!stopping) {
            try {
                Optional<PolicySimulationStore.Claimed> next = store.claimNext(worker, STALE);
                if (next.isPresent()) {
                    runClaimed(next.get());
                } else {
                    wake.tryAcquire(POLL.toMillis(), TimeUnit.MILLISECONDS);
                    wake.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // the database away for a while: try again after a pause; a claimed run is taken over when stale
                log.warn("policy simulation worker: {}", e.toString());
                pause();
            }
        }
    }

    private void runClaimed(PolicySimulationStore.Claimed claimed) {
        if (claimed.attempts() > MAX_ATTEMPTS) {
            store.fail(claimed.id(), worker, "stopped without finishing " + MAX_ATTEMPTS + " times; not tried again");
            return;
        }
        var beat = heartbeats.scheduleAtFixedRate(() -> {
            try {
                store.heartbeat(claimed.id(), worker);
            } catch (RuntimeException e) {
                log.warn("policy simulation {}: no heartbeat ({})", claimed.id(), e.toString());
            }
        }, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
        try {
            run(claimed.id());
        } catch (Throwable e) { // an Error too: the run is failed and the worker goes on
            log.error("policy simulation {} failed", claimed.id(), e);
            try {
                store.fail(claimed.id(), worker, "the replay stopped on an internal error (" + e.getClass().getSimpleName()
                        + "); the settlement service's log has the details under simulation " + claimed.id());
            } catch (RuntimeException notRecorded) {
                log.warn("policy simulation {}: the failure was not recorded ({}); it is taken over when stale", claimed.id(),
                        notRecorded.toString());
            }
            if (e instanceof Error error && !(e instanceof StackOverflowError)) {
                throw error;
            }
        } finally {
            beat.cancel(false);
        }
    }

    /** Runs one claimed simulation to its end, or until another worker took it over or this instance stops. */
    void run(UUID id) {
        PolicySimulationStore.Stored s = store.byId(id).orElseThrow();
        PolicyPack candidate = PolicyPackReader.readUpload(s.candidateYaml());
        PackChoice choice = new PackChoice(candidate, packs);
        long upTo = read(store::lastSeq);
        long total = read(() -> store.billsInScope(s.year(), candidate.scheme(), candidate.regionCode(), upTo));
        if (!store.scope(id, worker, upTo, total)) {
            return;
        }
        SimulationTally tally = new SimulationTally(s.from(), s.to());
        String after = "";
        long done = 0;
        while (!stopping) {
            String from = after;
            List<PolicySimulationStore.PersonBills> next = read(() -> store.personsAfter(from, s.year(), candidate.scheme(),
                    candidate.regionCode(), upTo, PAGE_PERSONS));
            if (next.isEmpty()) {
                store.succeed(id, worker, done, tally.result());
                return;
            }
            List<String> persons = new ArrayList<>();
            long billsInPage = 0;
            for (PolicySimulationStore.PersonBills p : next) {
                persons.add(p.personId());
                billsInPage += p.bills();
                if (billsInPage >= PAGE_BILLS) {
                    break;
                }
            }
            List<ReplayBill> bills = read(() -> store.bills(persons, s.year(), candidate.scheme(), upTo));
            int start = 0;
            for (int i = 1; i <= bills.size(); i++) {
                if (i == bills.size() || !bills.get(i).personId().equals(bills.get(start).personId())) {
                    List<ReplayBill> person = bills.subList(start, i);
                    tally.person(person.get(0).personId(), replay.person(new ArrayList<>(person), choice::of));
                    start = i;
                }
            }
            done += bills.size();
            long progress = done;
            if (!read(() -> store.progress(id, worker, progress))) {
                log.info("policy simulation {} was taken over by another worker; this one stops", id);
                return;
            }
            after = persons.get(persons.size() - 1);
        }
    }

    /** A read retried on a transient database fault (a restart, a dropped connection), then given up. */
    private static <T> T read(Supplier<T> query) {
        for (int attempt = 1; ; attempt++) {
            try {
                return query.get();
            } catch (TransientDataAccessException | DataAccessResourceFailureException e) {
                if (attempt == READ_ATTEMPTS) {
                    throw e;
                }
                log.warn("policy simulation: a read failed ({}); trying again", e.toString());
                try {
                    Thread.sleep(1000L * attempt);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }
}
