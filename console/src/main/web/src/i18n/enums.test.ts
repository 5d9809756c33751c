import { describe, expect, it } from 'vitest';
import { ENUM_DICTIONARIES, enumLabel, enumOptions, type EnumKind } from './enums';

type Schema = { properties?: Record<string, { enum?: string[]; items?: { enum?: string[] } }> };
type Doc = { components?: { schemas?: Record<string, Schema> } };

// The services' documents (the same snapshots the API types are generated from).
const docs = Object.fromEntries(
  Object.entries(import.meta.glob('../../openapi/*.json', { eager: true, import: 'default' }))
    .map(([path, doc]) => [path.replace(/^.*\/(\w+)\.json$/, '$1'), doc as Doc]),
);

function enumOf(service: string, schema: string, property: string): string[] {
  const p = docs[service]?.components?.schemas?.[schema]?.properties?.[property];
  const values = p?.enum ?? p?.items?.enum;
  if (!values) throw new Error(`${service}: ${schema}.${property} has no enum`);
  return values;
}

/** Every enum the console shows, where the documents declare it, and the dictionary that labels it. */
const SHOWN: [service: string, schema: string, property: string, kind: EnumKind][] = [
  ['enrollment', 'PersonView', 'gender', 'gender'],
  ['enrollment', 'Enrollment', 'scheme', 'scheme'],
  ['enrollment', 'Enrollment', 'personType', 'personType'],
  ['enrollment', 'Enrollment', 'tier', 'tier'],
  ['enrollment', 'Enrollment', 'status', 'enrollmentStatus'],
  ['enrollment', 'Enrollment', 'subsidyCategory', 'assistanceCategory'],
  ['enrollment', 'QueuedCertification', 'status', 'certificationStatus'],
  ['settlement', 'SettlementView', 'visitType', 'visitType'],
  ['settlement', 'SettlementView', 'status', 'settlementStatus'],
  ['settlement', 'SettlementView', 'place', 'place'],
  ['settlement', 'YearAccumulators', 'scheme', 'scheme'],
  ['settlement', 'CalculationStep', 'layer', 'traceLayer'],
  ['settlement', 'LineView', 'category', 'itemCategory'],
  ['settlement', 'LineView', 'itemClass', 'itemClass'],
  ['settlement', 'Finding', 'severity', 'severity'],
  ['settlement', 'Verdict', 'outcome', 'verdict'],
  ['settlement', 'SettleRequest', 'deliveryKind', 'deliveryKind'],
  ['assistance', 'Current', 'category', 'assistanceCategory'],
  ['assistance', 'Statement', 'category', 'assistanceCategory'],
  ['assistance', 'PovertyWarning', 'risk', 'warningRisk'],
  ['assistance', 'PovertyWarning', 'status', 'warningStatus'],
  ['assistance', 'PovertyWarning', 'category', 'assistanceCategory'],
  ['supervision', 'Case', 'status', 'caseStatus'],
  ['supervision', 'Case', 'outcome', 'caseOutcome'],
  ['supervision', 'TrailStep', 'step', 'trailStep'],
  ['supervision', 'TrailStep', 'role', 'staffRole'],
  ['supervision', 'ClueView', 'source', 'clueSource'],
  ['supervision', 'Institution', 'kind', 'institutionKind'],
  ['supervision', 'Institution', 'level', 'institutionLevel'],
  ['supervision', 'Institution', 'status', 'agreementStatus'],
  ['supervision', 'AgreementChange', 'previous_status', 'agreementStatus'],
  ['supervision', 'ClaimReview', 'reason', 'reviewReason'],
  ['supervision', 'ClaimReview', 'status', 'reviewStatus'],
  ['supervision', 'Violation', 'rule', 'rule'],
  ['supervision', 'Violation', 'severity', 'severity'],
  ['supervision', 'Violation', 'review', 'violationReview'],
  ['supervision', 'RuleCount', 'rule', 'rule'],
  ['supervision', 'Inspection', 'finding', 'finding'],
  ['supervision', 'AppealLine', 'outcome', 'appealOutcome'],
  ['procurement', 'BatchView', 'level', 'batchLevel'],
  ['procurement', 'BatchView', 'kind', 'batchKind'],
  ['clearing', 'Budget', 'scheme', 'scheme'],
];

describe('enum dictionaries', () => {
  it('have the same kinds and values in Chinese and English', () => {
    const { zh, en } = ENUM_DICTIONARIES;
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const kind of Object.keys(zh) as EnumKind[]) {
      expect(Object.keys(en[kind]).sort(), kind).toEqual(Object.keys(zh[kind]).sort());
    }
  });

  it.each(SHOWN)('label every value of %s %s.%s', (service, schema, property, kind) => {
    const values = enumOf(service, schema, property);
    const missing = values.filter((v) => !(v in ENUM_DICTIONARIES.zh[kind]));
    expect(missing, `${kind} lacks values of ${service} ${schema}.${property}`).toEqual([]);
  });

  it('show unknown values as given, and nothing as a dash', () => {
    expect(enumLabel('zh', 'caseStatus', 'SOMETHING_NEW')).toBe('SOMETHING_NEW');
    expect(enumLabel('zh', 'caseStatus', undefined)).toBe('—');
    expect(enumLabel('zh', 'caseStatus', 'CLOSED')).toBe('已结案');
    expect(enumLabel('en', 'caseStatus', 'CLOSED')).toBe('Closed');
    expect(enumLabel('en-US', 'visitType', 'INPATIENT')).toBe('Inpatient');
  });

  it('keep the raw values as Select option values', () => {
    const options = enumOptions('zh', 'caseOutcome', ['FUND_RECOVERY', 'NEW_OUTCOME']);
    expect(options.map((o) => o.value)).toEqual(['FUND_RECOVERY', 'NEW_OUTCOME']);
    expect(options[0].label).toBe('追回基金');
    expect(options[0].title).toContain('FUND_RECOVERY');
    expect(options[1].label).toBe('NEW_OUTCOME');
  });
});
