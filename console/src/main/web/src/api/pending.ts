/**
 * TODO(API-GAPS): endpoints the console needs that the services' OpenAPI documents do not have yet.
 * Each entry is written the way openapi-typescript would generate it from the proposal in API-GAPS.md,
 * so the pages call them through openapi-fetch exactly as they will once the documents have them.
 * When a service's document gains one, delete its entry here and switch the page's call to the
 * generated client in ./clients (the compiler then checks the proposal against the real thing).
 * Until the services answer them, these calls get 404 and the pages say so (PendingEndpoint).
 */
import createClient from 'openapi-fetch';
import { bearerMiddleware } from './clients';
import type { components as E } from './generated/enrollment';
import type { components as S } from './generated/settlement';
import type { components as Sup } from './generated/supervision';
import type { components as P } from './generated/procurement';

type Json<T> = { content: { 'application/json': T } };
type NoBody = { content?: never };

// ---- enrollment ----
export type PersonSearchPage = { persons: E['schemas']['PersonView'][]; total: number };
export type PendingCertification = E['schemas']['Certification'] & { workingDaysLeft: number; overdue: boolean };
export type CertificationQueue = { certifications: PendingCertification[]; total: number };

// ---- settlement ----
export type TraceStep = {
  order: number;
  layer: 'TOTAL' | 'FULL_SELF_PAY' | 'PRIOR_SELF_PAY' | 'POLICY_SCOPE' | 'DEDUCTIBLE' | 'BASIC_FUND' | 'CATASTROPHIC' | 'SUPPLEMENTARY' | 'ASSISTANCE' | 'PERSONAL_ACCOUNT' | 'CASH' | string;
  name: string;
  base?: string;
  deductible?: string;
  ratio?: number;
  ceiling?: string;
  accumulatedBefore?: string;
  accumulatedAfter?: string;
  amount: string;
  explanation?: string;
};
export type SettlementTrace = { settlementId: string; policyPack: string; steps: TraceStep[] };
export type MonthSpending = S['schemas']['Spending'] & { month: string };
export type MonthlyFundReport = { year: number; region?: string; months: MonthSpending[] };

// ---- assistance ----
export type PovertyWarning = {
  warningId: string;
  personId: string;
  month: string;
  kind: string;
  category?: string;
  personalPayment?: string;
  householdIncome?: string;
  status: 'OPEN' | 'CONFIRMED' | 'DISMISSED';
  confirmedBy?: string;
  confirmedAt?: string;
  note?: string;
};
export type PovertyWarningPage = { warnings: PovertyWarning[]; total: number };
export type WarningConfirmation = { confirmed: boolean; note?: string };

// ---- supervision ----
export type ClueView = { clueId: string; source: string; institutionCode: string; description: string; violationId?: string; receivedAt: string; caseId?: string };
export type CasePage = { cases: Sup['schemas']['Case'][]; total: number };
export type InstitutionPage = { institutions: Sup['schemas']['Institution'][]; total: number };

// ---- procurement ----
export type BatchList = P['schemas']['BatchView'][];

// ---- clearing ----
export type BudgetUse = { institutionCode: string; scheme: string; annualAllocation: string; owedToDate: string; usedPercent: number; elapsedPercent: number };

export interface PendingPaths {
  '/api/enrollment/person-search': {
    get: { parameters: { query: { q: string; region?: string; limit?: number; offset?: number } }; requestBody?: never; responses: { 200: Json<PersonSearchPage> } };
  };
  '/api/enrollment/certifications': {
    get: { parameters: { query?: { status?: string; limit?: number; offset?: number } }; requestBody?: never; responses: { 200: Json<CertificationQueue> } };
  };
  '/api/settlement/settlements/{id}/trace': {
    get: { parameters: { path: { id: string } }; requestBody?: never; responses: { 200: Json<SettlementTrace> } };
  };
  '/api/settlement/reports/{year}/months': {
    get: { parameters: { path: { year: number }; query?: { region?: string } }; requestBody?: never; responses: { 200: Json<MonthlyFundReport> } };
  };
  '/api/assistance/poverty-warnings': {
    get: { parameters: { query?: { month?: string; status?: string; limit?: number; offset?: number } }; requestBody?: never; responses: { 200: Json<PovertyWarningPage> } };
  };
  '/api/assistance/persons/{personId}/poverty-warnings': {
    get: { parameters: { path: { personId: string } }; requestBody?: never; responses: { 200: Json<PovertyWarning[]> } };
  };
  '/api/assistance/poverty-warnings/{warningId}/confirmation': {
    post: { parameters: { path: { warningId: string } }; requestBody: Json<WarningConfirmation>; responses: { 200: Json<PovertyWarning> } };
  };
  '/api/supervision/clues': {
    get: { parameters: { query?: { open?: boolean; limit?: number; offset?: number } }; requestBody?: never; responses: { 200: Json<ClueView[]> } };
  };
  '/api/supervision/cases': {
    get: { parameters: { query?: { status?: string; limit?: number; offset?: number } }; requestBody?: never; responses: { 200: Json<CasePage> } };
  };
  '/api/supervision/institution-search': {
    get: { parameters: { query?: { region?: string; status?: string; q?: string; limit?: number; offset?: number } }; requestBody?: never; responses: { 200: Json<InstitutionPage> } };
  };
  '/api/procurement/batches': {
    get: { parameters: { query?: { year?: number } }; requestBody?: never; responses: { 200: Json<BatchList> } };
  };
  '/api/clearing/budgets/{year}/use': {
    get: { parameters: { path: { year: number }; query?: { regionCode?: string } }; requestBody?: never; responses: { 200: Json<BudgetUse[]> } };
  };
}

// Keep NoBody referenced for entries that gain request bodies later.
export type _NoBody = NoBody;

export const pending = createClient<PendingPaths>({ baseUrl: window.location.origin });
pending.use(bearerMiddleware);
