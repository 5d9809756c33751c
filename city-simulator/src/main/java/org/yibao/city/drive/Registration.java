package org.yibao.city.drive;

import org.yibao.city.expect.ContributionRates;
import org.yibao.city.model.Benefits;
import org.yibao.contracts.money.Money;

import org.yibao.city.model.CityGenerator;
import org.yibao.city.model.CityParameters;
import org.yibao.city.model.Person;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The people of the city reaching the platform: the enrollment clerks' bulk import, the departments'
 * identity feeds, the hospitals' chronic-disease applications and the clerks' decisions, and the
 * death registrations that reach the auditors late.
 */
public final class Registration {

    /** Rows per uploaded file: a big city's files are sent in parts, as a bureau's would be. */
    static final int FILE_ROWS = 100_000;
    public static final String DEPARTMENT_SECRET = "local-department-secret";

    /** What an upload's report said. */
    public record Upload(long rows, long accepted, long rejected, List<String> sampleRejections) {

        Upload plus(Upload other) {
            List<String> samples = new ArrayList<>(sampleRejections);
            other.sampleRejections.stream().limit(Math.max(0, 10 - samples.size())).forEach(samples::add);
            return new Upload(rows + other.rows, accepted + other.accepted, rejected + other.rejected, samples);
        }
    }

    private final Gateway gateway;
    private final CityParameters city;

    public Registration(Gateway gateway, CityParameters city) {
        this.gateway = gateway;
        this.city = city;
    }

    /**
     * Everyone who enrolls this year, in files of {@link #FILE_ROWS}; an active employee with the monthly wage base
     * the city draws for them within the rates file's floor and ceiling (read by the simulator, {@link ContributionRates}).
     */
    public Upload enroll(CityGenerator generator) {
        ContributionRates rates = ContributionRates.city(city.year());
        Benefits benefits = new Benefits(generator);
        String header = "personId,name,regionCode,year,scheme,personType,tier,effectiveFrom,wageBase\n";
        Upload total = new Upload(0, 0, 0, List.of());
        StringBuilder csv = new StringBuilder(header);
        int rows = 0;
        for (int i = 0; i < city.persons(); i++) {
            Person p = generator.person(i);
            if (!p.enrolled()) {
                continue;
            }
            csv.append(p.id().value()).append(',').append(p.name()).append(',').append(p.county()).append(',')
                    .append(city.year()).append(',').append(p.scheme()).append(',').append(p.type()).append(',')
                    .append(p.tier() == null ? "" : p.tier().name()).append(",,");
            Money wage = benefits.wageBase(p, rates.wageBaseFloor(), rates.wageBaseCeiling());
            csv.append(wage == null ? "" : wage.toString()).append('\n');
            if (++rows == FILE_ROWS) {
                total = total.plus(importFile(csv.toString()));
                csv = new StringBuilder(header);
                rows = 0;
            }
        }
        return rows == 0 ? total : total.plus(importFile(csv.toString()));
    }

    private Upload importFile(String csv) {
        JsonNode report = Json.read(Setup.expect(gateway.postCsv(Setup.BUREAU, "POST /api/enrollment/imports",
                "/api/enrollment/imports", csv), "enrollment import").body());
        return new Upload(report.path("rows").asLong(), report.path("imported").asLong(), report.path("rejected").asLong(),
                rejections(report.path("rejectedRows")));
    }

    /** Each department sends its file of identity records, by its own client. */
    public Map<String, Upload> feeds(CityGenerator generator) {
        Map<String, StringBuilder> files = new LinkedHashMap<>();
        Map<String, Upload> uploads = new LinkedHashMap<>();
        for (int i = 0; i < city.persons(); i++) {
            for (CityGenerator.FeedRecord r : generator.feedRecords(generator.person(i))) {
                StringBuilder csv = files.computeIfAbsent(r.department(), d -> new StringBuilder(feedHeader()));
                String row = r.department() + "," + r.recordId() + "," + r.person().id().value() + "," + r.category() + ","
                        + city.year() + "-01-01,," + r.person().county() + "\n";
                csv.append(row);
                if (r.person().index() % 97 == 0) {
                    csv.append(row); // departments' files repeat a record now and then
                }
                if (csv.length() > FILE_ROWS * 90) {
                    uploads.merge(r.department(), feed(r.department(), csv.toString()), Upload::plus);
                    files.put(r.department(), new StringBuilder(feedHeader()));
                }
            }
        }
        files.forEach((department, csv) -> {
            if (csv.length() > feedHeader().length()) {
                uploads.merge(department, feed(department, csv.toString()), Upload::plus);
            }
        });
        return uploads;
    }

    private static String feedHeader() {
        return "source,sourceRecordId,personId,category,validFrom,validTo,regionCode\n";
    }

    private Upload feed(String department, String csv) {
        JsonNode report = Json.read(Setup.expect(gateway.postCsv("dept-" + department, "POST /api/assistance/identity-feeds",
                "/api/assistance/identity-feeds", csv), department + "'s identity feed").body());
        long rows = report.path("rows").asLong();
        long rejected = report.path("rejected").asLong();
        return new Upload(rows, rows - rejected, rejected, rejections(report.path("rejectedRows")));
    }

    /**
     * The chronic-disease certification (门诊慢特病认定): the person's centre applies for them, the
     * bureau approves from the first of the year. Returns whether a new certification was made.
     */
    public boolean certify(Person p) {
        if (p.chronic() == null) {
            return false;
        }
        Gateway.Response applied = gateway.postJson(p.chronicCentre().clientId(),
                "POST /api/enrollment/persons/{personId}/certifications",
                "/api/enrollment/persons/" + p.id().value() + "/certifications",
                Json.write(Map.of("diseaseCode", p.chronic().icd10, "diseaseName", p.chronic().label)));
        if (applied.status() == 409) {
            return false; // applied for in an earlier run of the same city
        }
        String id = Json.read(Setup.expect(applied, "certification of " + p.id().masked()).body()).path("certificationId").asString();
        Setup.expect(gateway.postJson(Setup.BUREAU, "POST /api/enrollment/certifications/{id}/decision",
                "/api/enrollment/certifications/" + id + "/decision",
                Json.write(Map.of("approved", true, "validFrom", city.year() + "-01-01"))),
                "decision on " + id);
        return true;
    }

    /** The assistance office records a low-income household's income (for the poverty-risk warning). */
    public void householdIncome(Person p) {
        Setup.expect(gateway.call(Setup.BUREAU, "PUT", "PUT /api/assistance/persons/{personId}/household-income/{year}",
                "/api/assistance/persons/" + p.id().value() + "/household-income/" + city.year(), "application/json",
                Json.write(Map.of("income", p.householdIncome().amount())), java.time.Duration.ofSeconds(30)),
                "household income of " + p.id().masked());
    }

    /** The death registry reaches the auditors after the year's bills. */
    public void registerDeath(Person p) {
        Setup.expect(gateway.postJson(Setup.BUREAU, "POST /api/supervision/deaths", "/api/supervision/deaths",
                Json.write(Map.of("personId", p.id().value(), "dateOfDeath", p.diedOn().toString(),
                        "source", "civil-affairs death registry"))), "death of " + p.id().masked());
    }

    private static List<String> rejections(JsonNode errors) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : errors) {
            if (out.size() == 10) {
                break;
            }
            out.add(e.toString());
        }
        return out;
    }
}
