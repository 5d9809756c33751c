// Named shortcuts to the generated component schemas (no hand-written shapes).
import type { components as EnrollmentDoc } from './generated/enrollment';
import type { components as Settlement } from './generated/settlement';
import type { components as Assistance } from './generated/assistance';
import type { components as Supervision } from './generated/supervision';
import type { components as Procurement } from './generated/procurement';
import type { components as Clearing } from './generated/clearing';

export type PersonView = EnrollmentDoc['schemas']['PersonView'];
export type Enrollment = EnrollmentDoc['schemas']['Enrollment'];
export type Certification = EnrollmentDoc['schemas']['Certification'];
export type QueuedCertification = EnrollmentDoc['schemas']['QueuedCertification'];
export type Filing = EnrollmentDoc['schemas']['Filing'];
export type Decide = EnrollmentDoc['schemas']['Decide'];
export type EnrollmentImportReport = EnrollmentDoc['schemas']['ImportReport'];

export type SettlementView = Settlement['schemas']['SettlementView'];
export type SettlementAmounts = Settlement['schemas']['SettlementAmounts'];
export type LineView = Settlement['schemas']['LineView'];
export type YearAccumulators = Settlement['schemas']['YearAccumulators'];
export type Spending = Settlement['schemas']['Spending'];
export type MonthSpending = Settlement['schemas']['Month'];
export type CalculationStep = Settlement['schemas']['CalculationStep'];
export type LineFinding = Settlement['schemas']['Finding'];

export type IdentityView = Assistance['schemas']['IdentityView'];
export type PersonYear = Assistance['schemas']['PersonYear'];
export type CategoryReport = Assistance['schemas']['CategoryReport'];
export type PovertyWarning = Assistance['schemas']['PovertyWarning'];

export type Institution = Supervision['schemas']['Institution'];
export type AgreementChange = Supervision['schemas']['AgreementChange'];
export type ChangeAgreement = Supervision['schemas']['ChangeAgreement'];
export type Inspection = Supervision['schemas']['Inspection'];
export type ClaimReview = Supervision['schemas']['ClaimReview'];
export type ReviewFile = Supervision['schemas']['ReviewFile'];
export type ReviewDeductionLine = Supervision['schemas']['ReviewDeductionLine'];
export type Case = Supervision['schemas']['Case'];
export type CaseFile = Supervision['schemas']['CaseFile'];
export type ClueView = Supervision['schemas']['ClueView'];
export type Clue = Supervision['schemas']['Clue'];
export type Decision = Supervision['schemas']['Decision'];
export type Violation = Supervision['schemas']['Violation'];
export type RuleCount = Supervision['schemas']['RuleCount'];

export type Completion = Procurement['schemas']['Completion'];
export type BatchView = Procurement['schemas']['BatchView'];
export type InstitutionOwed = Clearing['schemas']['InstitutionOwed'];
export type BudgetUse = Clearing['schemas']['BudgetUse'];
export type InstitutionBudgetUse = Clearing['schemas']['InstitutionUse'];

export type SimulationView = Settlement['schemas']['SimulationView'];
export type SimulationResult = Settlement['schemas']['SimulationResult'];
