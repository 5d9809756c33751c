package org.yibao.settlement.simulation;

import org.yibao.web.csv.CsvExport;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** A simulation's result as CSV files for the bureau's spreadsheets (CsvExport: RFC 4180, neutralised cells). */
final class SimulationCsv {

    private static final List<String> LAYERS = List.of("total", "fullSelfPay", "priorSelfPay", "policyScope", "deductible",
            "basicFund", "catastrophic", "supplementary", "assistance", "fundsPaid", "personalAccount", "cash");

    private SimulationCsv() {
    }

    /** One row per group: its counts, each layer settled / replayed / difference, the ratios settled / replayed. */
    static void groups(PolicySimulationService.Finished f, Appendable out) throws IOException {
        List<String> header = new ArrayList<>(List.of("simulation", "candidate", "year", "from", "to", "dimension", "value",
                "bills", "persons"));
        for (String layer : LAYERS) {
            header.add(layer + "Settled");
            header.add(layer + "Replayed");
            header.add(layer + "Difference");
        }
        header.addAll(List.of("policyScopeRatioSettled", "policyScopeRatioReplayed", "overallRatioSettled", "overallRatioReplayed",
                "basicPolicyScopeRatioSettled", "basicPolicyScopeRatioReplayed", "catastrophicPersonsSettled",
                "catastrophicPersonsReplayed", "assistedPersonsSettled", "assistedPersonsReplayed"));
        CsvExport csv = CsvExport.to(out, header.toArray(String[]::new));
        SimulationView s = f.simulation();
        for (SimulationResult.Group g : f.result().groups()) {
            List<Object> row = new ArrayList<>(List.of(s.id(), s.candidate(), s.year(), s.from(), s.to(), g.dimension(), g.value(),
                    g.bills(), g.persons()));
            List<Object> settled = values(g.settled());
            List<Object> replayed = values(g.replayed());
            List<Object> difference = values(g.difference());
            for (int i = 0; i < LAYERS.size(); i++) {
                row.add(settled.get(i));
                row.add(replayed.get(i));
                row.add(difference.get(i));
            }
            row.add(g.settledRatios().policyScope());
            row.add(g.replayedRatios().policyScope());
            row.add(g.settledRatios().overall());
            row.add(g.replayedRatios().overall());
            row.add(g.settledRatios().basicPolicyScope());
            row.add(g.replayedRatios().basicPolicyScope());
            row.add(g.catastrophicPersons().settled());
            row.add(g.catastrophicPersons().replayed());
            row.add(g.assistedPersons().settled());
            row.add(g.assistedPersons().replayed());
            csv.row(row.toArray());
        }
        csv.flush();
    }

    /** The persons whose cash payment rises most, then those whose falls most: masked id, bills, cash settled / replayed. */
    static void persons(PolicySimulationService.Finished f, Appendable out) throws IOException {
        CsvExport csv = CsvExport.to(out, "simulation", "change", "person", "bills", "cashSettled", "cashReplayed", "difference");
        for (SimulationResult.PersonChange p : f.result().cashRisesMost()) {
            csv.row(f.simulation().id(), "RISES", p.person(), p.bills(), p.settledCash(), p.replayedCash(), p.difference());
        }
        for (SimulationResult.PersonChange p : f.result().cashFallsMost()) {
            csv.row(f.simulation().id(), "FALLS", p.person(), p.bills(), p.settledCash(), p.replayedCash(), p.difference());
        }
        csv.flush();
    }

    private static List<Object> values(SimulationResult.Layers l) {
        return List.of(l.total(), l.fullSelfPay(), l.priorSelfPay(), l.policyScope(), l.deductible(), l.basicFund(),
                l.catastrophic(), l.supplementary(), l.assistance(), l.fundsPaid(), l.personalAccount(), l.cash());
    }
}
