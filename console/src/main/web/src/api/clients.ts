import createClient, { type Middleware } from 'openapi-fetch';
import type { paths as EnrollmentPaths } from './generated/enrollment';
import type { paths as SettlementPaths } from './generated/settlement';
import type { paths as AssistancePaths } from './generated/assistance';
import type { paths as SupervisionPaths } from './generated/supervision';
import type { paths as ProcurementPaths } from './generated/procurement';
import type { paths as CarePaths } from './generated/care';
import type { paths as ClearingPaths } from './generated/clearing';
import type { paths as CasemixPaths } from './generated/casemix';
import { accessToken, signIn } from '../auth/auth';

/**
 * Every call carries the staff member's access token; a 401 (no token, or it expired) sends the
 * browser to sign in again, which the server's session makes nearly silent.
 */
export const bearerMiddleware: Middleware = {
  async onRequest({ request }) {
    const token = await accessToken();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    if (!request.headers.has('Accept')) request.headers.set('Accept', 'application/json, application/problem+json');
    return request;
  },
  async onResponse({ response }) {
    if (response.status === 401) {
      void signIn();
    }
    return response;
  },
};

function client<P extends {}>() {
  // The gateway routes /api/<service>/... on the console's own origin.
  const c = createClient<P>({ baseUrl: window.location.origin });
  c.use(bearerMiddleware);
  return c;
}

export const enrollment = client<EnrollmentPaths>();
export const settlement = client<SettlementPaths>();
export const assistance = client<AssistancePaths>();
export const supervision = client<SupervisionPaths>();
export const procurement = client<ProcurementPaths>();
export const care = client<CarePaths>();
export const clearing = client<ClearingPaths>();
export const casemix = client<CasemixPaths>();

export type { EnrollmentPaths, SettlementPaths, AssistancePaths, SupervisionPaths, ProcurementPaths, CarePaths, ClearingPaths, CasemixPaths };
