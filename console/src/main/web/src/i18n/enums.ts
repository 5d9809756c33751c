import { useTranslation } from 'react-i18next';

/**
 * The services' enum values as staff read them: Simplified Chinese (the insurance terms the bureau
 * uses) and English. Pages never hand-roll these: they call `useEnums()` and `e(kind, value)`.
 * An unknown value is shown as the API gave it.
 */
type Dict = Record<string, Record<string, string>>;

const ZH = {
  gender: { MALE: '男', FEMALE: '女' },
  scheme: { RESIDENT: '城乡居民', EMPLOYEE: '职工' },
  personType: { RESIDENT: '城乡居民', EMPLOYEE_ACTIVE: '在职职工', EMPLOYEE_RETIRED: '退休职工' },
  tier: { EMPLOYER: '单位缴费', INDIVIDUAL_TIER_1: '个人缴费一档', INDIVIDUAL_TIER_2: '个人缴费二档' },
  visitType: {
    INPATIENT: '住院', GENERAL_OUTPATIENT: '普通门诊', CHRONIC_OUTPATIENT: '门诊慢特病', PHARMACY: '定点药店购药',
    PRENATAL_CARE: '产前检查', DELIVERY: '生育分娩', OUTPATIENT: '门诊',
  },
  place: { LOCAL: '本地就医', REMOTE_FILED: '异地就医（已备案）', REMOTE_UNFILED: '异地就医（未备案）' },
  settlementStatus: { SETTLED: '已结算', REVERSED: '已冲销', PRE_SETTLEMENT: '预结算', REFUSED: '已拒付' },
  enrollmentStatus: { ACTIVE: '参保缴费', SUSPENDED: '暂停参保', TERMINATED: '终止参保', CLOSED: '已终止', PENDING: '待缴费' },
  certificationStatus: { PENDING: '待认定', APPROVED: '已认定', REJECTED: '不予认定', REVOKED: '已撤销' },
  caseStatus: { INVESTIGATING: '调查中', DECIDING: '待决定', REVIEWING: '待复核', CLOSED: '已结案' },
  caseOutcome: { WARNING: '警告', FUND_RECOVERY: '追回基金', SUSPENSION: '暂停协议', TERMINATION: '解除协议', JUDICIAL_REFERRAL: '移送司法' },
  trailStep: { OPENED: '立案', FINDINGS: '调查结论', DECISION: '处理决定', RETURNED: '退回', APPROVED: '复核通过' },
  staffRole: { INVESTIGATOR: '调查人', DECIDER: '决定人', REVIEWER: '复核人' },
  clueSource: { TOWNSHIP: '乡镇上报', VILLAGE: '村级上报', PUBLIC: '群众举报', RULE: '智能审核规则' },
  warningStatus: { OPEN: '待核实', CONFIRMED: '已确认', REJECTED: '已排除', DISMISSED: '已排除' },
  warningRisk: { IMPOVERISHMENT: '因病致贫', RELAPSE: '因病返贫' },
  assistanceCategory: {
    EXTREME_POVERTY: '特困人员', MINIMUM_LIVING: '低保对象', MINIMUM_LIVING_MARGINAL: '低保边缘家庭成员',
    LIFTED_OUT_OF_POVERTY: '脱贫人口', LIFTED_UNSTABLE: '脱贫不稳定人口', EDGE_OF_POVERTY: '边缘易致贫人口',
    SUDDEN_HARDSHIP: '突发严重困难户', POVERTY_MONITORED: '防返贫监测对象',
  },
  traceLayer: {
    TOTAL: '医疗总费用', FULL_SELF_PAY: '全自费', PRIOR_SELF_PAY: '先行自付', POLICY_SCOPE: '政策范围内费用',
    DEDUCTIBLE: '起付线', BASIC_FUND: '基本医保统筹基金', MATERNITY_FIXED_PAYMENT: '生育定额支付', CATASTROPHIC: '大病保险',
    SUPPLEMENTARY: '补充保险', ASSISTANCE: '医疗救助', PERSONAL_ACCOUNT: '个人账户', CASH: '个人现金',
  },
  institutionKind: { HOSPITAL: '医院', CLINIC: '诊所', PHARMACY: '药店' },
  institutionLevel: {
    COMMUNITY: '基层医疗机构', LEVEL_0: '未定级', LEVEL_1: '一级', LEVEL_2: '二级', LEVEL_3: '三级', LEVEL_4: '四级', LEVEL_5: '五级', UNGRADED: '未定级',
  },
  agreementStatus: { ACTIVE: '协议有效', SUSPENDED: '暂停协议', TERMINATED: '解除协议' },
  reviewStatus: { OPEN: '待审核', DECIDED: '已审核', WITHDRAWN: '已撤回' },
  reviewReason: { FLAGGED: '智能审核提示', SAMPLED_VALUE: '高额抽查', SAMPLED_RANDOM: '随机抽查' },
  finding: { CLEAN: '未发现问题', VIOLATION: '发现违规' },
  severity: { VIOLATION: '违规', SUSPECT: '疑点', NONE: '无', CC: '一般并发症', MCC: '严重并发症' },
  itemClass: { A: '甲类', B: '乙类', C: '丙类' },
  rule: {
    BILLED_DURING_STAY: '住院期间门诊收费', CLAIM_AFTER_DEATH: '死亡后结算', DISTANT_SAME_DAY: '同日异地就医',
    EXCESSIVE_QUANTITY: '超量收费', EXCESSIVE_SUPPLY: '超量开药', FREQUENT_VISITS: '频繁就诊',
    ITEM_DIAGNOSIS_MISMATCH: '项目与诊断不符', ITEM_RESTRICTION: '超限定支付范围', ITEM_SWITCHING: '串换项目',
    ITEM_WITHOUT_PROCEDURE: '无手术收耗材', PRICE_ABOVE_CEILING: '超限价收费', REPEATED_CHARGING: '重复收费',
    SPLIT_BILLING: '分解收费', SPLIT_HOSPITALISATION: '分解住院', TESTS_ONLY_ADMISSION: '检查住院', TWO_PLACES_AT_ONCE: '同时两地就医',
  },
  batchLevel: { NATIONAL: '国家集采', PROVINCIAL: '省级集采', ALLIANCE: '联盟集采' },
  batchKind: { DRUG: '药品', CONSUMABLE: '医用耗材' },
  itemCategory: { DRUG: '药品', CONSUMABLE: '医用耗材', SERVICE: '医疗服务项目', TCM_HERBAL: '中药饮片' },
  deliveryKind: {
    NATURAL: '自然分娩', ASSISTED: '助产', CAESAREAN: '剖宫产', MISCARRIAGE_BEFORE_4_MONTHS: '妊娠不满4个月流产', MISCARRIAGE_FROM_4_MONTHS: '妊娠满4个月流产',
  },
  verdict: { PASS: '通过', WARN: '提示', BLOCK: '拦截', UNCHECKED: '未审核' },
  violationReview: { CONFIRMED: '已确认', DISMISSED: '已排除', WITHDRAWN: '已撤回' },
  appealOutcome: { UPHELD: '维持扣款', WITHDRAWN: '撤销扣款' },
  simulationStatus: { QUEUED: '排队中', RUNNING: '测算中', SUCCEEDED: '已完成', FAILED: '失败' },
  simulationDimension: { ALL: '合计', SCHEME: '险种', VISIT_TYPE: '就诊类型', INSTITUTION_LEVEL: '机构等级', ASSISTANCE_CATEGORY: '救助类别', REPLAYED_BY: '测算方式' },
  replayedBy: { CANDIDATE: '按测算政策', OWN_PACK: '按原政策（测算范围外）', REFUSED: '测算政策不予支付', AS_SETTLED: '按原结算（无测算数据）' },
  staffRoleName: {
    ENROLLMENT_CLERK: '参保经办', ASSISTANCE_OFFICER: '医疗救助经办', AUDITOR: '审核', INVESTIGATOR: '调查', DECIDER: '处理决定',
    REVIEWER: '复核', PROCUREMENT_OFFICER: '集采经办', MANAGER: '管理', CARE_ASSESSOR: '长护评估', CARE_OFFICER: '长护经办', CLEARING_OFFICER: '清算经办',
  },
} satisfies Dict;

/** The same kinds and values in English (the compiler checks that no kind is missing). */
const EN: Record<keyof typeof ZH, Record<string, string>> = {
  gender: { MALE: 'Male', FEMALE: 'Female' },
  scheme: { RESIDENT: 'Residents', EMPLOYEE: 'Employees' },
  personType: { RESIDENT: 'Resident', EMPLOYEE_ACTIVE: 'Active employee', EMPLOYEE_RETIRED: 'Retired employee' },
  tier: { EMPLOYER: 'Employer', INDIVIDUAL_TIER_1: 'Individual, tier 1', INDIVIDUAL_TIER_2: 'Individual, tier 2' },
  visitType: {
    INPATIENT: 'Inpatient', GENERAL_OUTPATIENT: 'General outpatient', CHRONIC_OUTPATIENT: 'Chronic and special outpatient',
    PHARMACY: 'Pharmacy', PRENATAL_CARE: 'Prenatal care', DELIVERY: 'Delivery', OUTPATIENT: 'Outpatient',
  },
  place: { LOCAL: 'Local', REMOTE_FILED: 'Remote (filed)', REMOTE_UNFILED: 'Remote (not filed)' },
  settlementStatus: { SETTLED: 'Settled', REVERSED: 'Reversed', PRE_SETTLEMENT: 'Pre-settlement', REFUSED: 'Refused' },
  enrollmentStatus: { ACTIVE: 'Active', SUSPENDED: 'Suspended', TERMINATED: 'Terminated', CLOSED: 'Closed', PENDING: 'Pending' },
  certificationStatus: { PENDING: 'Pending', APPROVED: 'Approved', REJECTED: 'Rejected', REVOKED: 'Revoked' },
  caseStatus: { INVESTIGATING: 'Investigating', DECIDING: 'Deciding', REVIEWING: 'Reviewing', CLOSED: 'Closed' },
  caseOutcome: { WARNING: 'Warning', FUND_RECOVERY: 'Fund recovery', SUSPENSION: 'Suspension', TERMINATION: 'Termination', JUDICIAL_REFERRAL: 'Judicial referral' },
  trailStep: { OPENED: 'Opened', FINDINGS: 'Findings', DECISION: 'Decision', RETURNED: 'Returned', APPROVED: 'Approved' },
  staffRole: { INVESTIGATOR: 'Investigator', DECIDER: 'Decider', REVIEWER: 'Reviewer' },
  clueSource: { TOWNSHIP: 'Township', VILLAGE: 'Village', PUBLIC: 'Public report', RULE: 'Audit rule' },
  warningStatus: { OPEN: 'Open', CONFIRMED: 'Confirmed', REJECTED: 'Rejected', DISMISSED: 'Dismissed' },
  warningRisk: { IMPOVERISHMENT: 'Impoverishment by illness', RELAPSE: 'Relapse into poverty' },
  assistanceCategory: {
    EXTREME_POVERTY: 'Extreme poverty', MINIMUM_LIVING: 'Minimum living allowance', MINIMUM_LIVING_MARGINAL: 'Near minimum living',
    LIFTED_OUT_OF_POVERTY: 'Lifted out of poverty', LIFTED_UNSTABLE: 'Lifted, unstable', EDGE_OF_POVERTY: 'Edge of poverty',
    SUDDEN_HARDSHIP: 'Sudden hardship', POVERTY_MONITORED: 'Monitored against relapse',
  },
  traceLayer: {
    TOTAL: 'Total', FULL_SELF_PAY: 'Full self-pay', PRIOR_SELF_PAY: 'Prior self-pay', POLICY_SCOPE: 'Policy scope',
    DEDUCTIBLE: 'Deductible', BASIC_FUND: 'Basic fund', MATERNITY_FIXED_PAYMENT: 'Maternity fixed payment', CATASTROPHIC: 'Catastrophic',
    SUPPLEMENTARY: 'Supplementary', ASSISTANCE: 'Medical assistance', PERSONAL_ACCOUNT: 'Personal account', CASH: 'Cash',
  },
  institutionKind: { HOSPITAL: 'Hospital', CLINIC: 'Clinic', PHARMACY: 'Pharmacy' },
  institutionLevel: {
    COMMUNITY: 'Community', LEVEL_0: 'Ungraded', LEVEL_1: 'Level 1', LEVEL_2: 'Level 2', LEVEL_3: 'Level 3', LEVEL_4: 'Level 4', LEVEL_5: 'Level 5', UNGRADED: 'Ungraded',
  },
  agreementStatus: { ACTIVE: 'Active', SUSPENDED: 'Suspended', TERMINATED: 'Terminated' },
  reviewStatus: { OPEN: 'Open', DECIDED: 'Decided', WITHDRAWN: 'Withdrawn' },
  reviewReason: { FLAGGED: 'Flagged', SAMPLED_VALUE: 'Sampled by value', SAMPLED_RANDOM: 'Sampled at random' },
  finding: { CLEAN: 'Clean', VIOLATION: 'Violation' },
  severity: { VIOLATION: 'Violation', SUSPECT: 'Suspect', NONE: 'None', CC: 'CC', MCC: 'MCC' },
  itemClass: { A: 'Class A', B: 'Class B', C: 'Class C' },
  rule: {
    BILLED_DURING_STAY: 'Billed during a stay', CLAIM_AFTER_DEATH: 'Claim after death', DISTANT_SAME_DAY: 'Distant visits on one day',
    EXCESSIVE_QUANTITY: 'Excessive quantity', EXCESSIVE_SUPPLY: 'Excessive supply', FREQUENT_VISITS: 'Frequent visits',
    ITEM_DIAGNOSIS_MISMATCH: 'Item does not fit the diagnosis', ITEM_RESTRICTION: 'Item restriction', ITEM_SWITCHING: 'Item switching',
    ITEM_WITHOUT_PROCEDURE: 'Item without procedure', PRICE_ABOVE_CEILING: 'Price above ceiling', REPEATED_CHARGING: 'Repeated charging',
    SPLIT_BILLING: 'Split billing', SPLIT_HOSPITALISATION: 'Split hospitalisation', TESTS_ONLY_ADMISSION: 'Tests-only admission', TWO_PLACES_AT_ONCE: 'Two places at once',
  },
  batchLevel: { NATIONAL: 'National', PROVINCIAL: 'Provincial', ALLIANCE: 'Alliance' },
  batchKind: { DRUG: 'Drug', CONSUMABLE: 'Consumable' },
  itemCategory: { DRUG: 'Drug', CONSUMABLE: 'Consumable', SERVICE: 'Medical service', TCM_HERBAL: 'TCM herbal pieces' },
  deliveryKind: {
    NATURAL: 'Natural delivery', ASSISTED: 'Assisted delivery', CAESAREAN: 'Caesarean', MISCARRIAGE_BEFORE_4_MONTHS: 'Miscarriage before 4 months', MISCARRIAGE_FROM_4_MONTHS: 'Miscarriage from 4 months',
  },
  verdict: { PASS: 'Pass', WARN: 'Warn', BLOCK: 'Block', UNCHECKED: 'Unchecked' },
  violationReview: { CONFIRMED: 'Confirmed', DISMISSED: 'Dismissed', WITHDRAWN: 'Withdrawn' },
  appealOutcome: { UPHELD: 'Upheld', WITHDRAWN: 'Withdrawn' },
  simulationStatus: { QUEUED: 'Queued', RUNNING: 'Running', SUCCEEDED: 'Done', FAILED: 'Failed' },
  simulationDimension: { ALL: 'All', SCHEME: 'Scheme', VISIT_TYPE: 'Visit type', INSTITUTION_LEVEL: 'Institution level', ASSISTANCE_CATEGORY: 'Assistance category', REPLAYED_BY: 'Replayed by' },
  replayedBy: { CANDIDATE: 'Candidate pack', OWN_PACK: 'Own pack (outside the candidate)', REFUSED: 'Not covered by the candidate', AS_SETTLED: 'As settled (no claim kept)' },
  staffRoleName: {
    ENROLLMENT_CLERK: 'Enrollment clerk', ASSISTANCE_OFFICER: 'Assistance officer', AUDITOR: 'Auditor', INVESTIGATOR: 'Investigator', DECIDER: 'Decider',
    REVIEWER: 'Reviewer', PROCUREMENT_OFFICER: 'Procurement officer', MANAGER: 'Manager', CARE_ASSESSOR: 'Care assessor', CARE_OFFICER: 'Care officer', CLEARING_OFFICER: 'Clearing officer',
  },
};

export type EnumKind = keyof typeof ZH;

/** Every kind's dictionary, per language (for tests and tooling). */
export const ENUM_DICTIONARIES: { zh: Record<EnumKind, Record<string, string>>; en: Record<EnumKind, Record<string, string>> } = { zh: ZH, en: EN };

/** The label of one enum value in a language; the value itself when unknown (or empty: '—'). */
export function enumLabel(lang: string, kind: EnumKind, value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  const dict: Record<EnumKind, Record<string, string>> = lang.startsWith('en') ? EN : ZH;
  return dict[kind]?.[String(value)] ?? String(value);
}

/** Options for a Select over an enum's values, labelled in the current language. */
export function enumOptions(lang: string, kind: EnumKind, values: readonly string[]) {
  return values.map((v) => {
    const label = enumLabel(lang, kind, v);
    // The option's value stays the API's value; its title (tooltip) names the value too.
    return { value: v, label, title: label === v ? v : `${label} (${v})` };
  });
}

/** `const e = useEnums(); e('visitType', 'INPATIENT')` → 住院 (or Inpatient in English). */
export function useEnums() {
  const { i18n } = useTranslation();
  const lang = i18n.language ?? 'zh';
  const e = (kind: EnumKind, value: unknown) => enumLabel(lang, kind, value);
  e.options = (kind: EnumKind, values: readonly string[]) => enumOptions(lang, kind, values);
  return e;
}
