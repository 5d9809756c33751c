package org.yibao.settlement.simulation;

/**
 * Where a policy simulation stands: QUEUED until a worker claims it, RUNNING while it replays (a run whose worker
 * stopped giving signs of life is claimed again and starts over), then SUCCEEDED with its result or FAILED with why.
 */
public enum SimulationStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED
}
