import type { Role } from './roles';

/**
 * The staff roles that may call each endpoint the console reads section by section, copied from the platform's
 * access-policy.yml (platform/security/.../access-policy.yml; clients of hospitals, pharmacies and departments left
 * out, STAFF spelled out as every role). access.test.ts compares this table with the policy file, so a change
 * there fails the console's tests until it is made here too.
 *
 * The console asks for a section only when the user's roles may call it and otherwise says that the roles do not
 * allow it; the services check again.
 */
export const ENDPOINT_ROLES = {
  'GET /api/enrollment/persons/{personId}': ['ENROLLMENT_CLERK', 'ASSISTANCE_OFFICER', 'AUDITOR', 'MANAGER'],
  'GET /api/enrollment/person-search': ['ENROLLMENT_CLERK', 'ASSISTANCE_OFFICER', 'AUDITOR', 'INVESTIGATOR', 'MANAGER'],
  'GET /api/enrollment/persons/{personId}/enrollments': ['ENROLLMENT_CLERK', 'ASSISTANCE_OFFICER', 'MANAGER'],
  'GET /api/enrollment/persons/{personId}/certifications': ['ENROLLMENT_CLERK', 'MANAGER'],
  'GET /api/enrollment/persons/{personId}/filings': ['ENROLLMENT_CLERK', 'MANAGER'],
  'POST /api/enrollment/persons': ['ENROLLMENT_CLERK'],
  'POST /api/enrollment/enrollments': ['ENROLLMENT_CLERK'],
  'GET /api/assistance/persons/{personId}/identity': ['ASSISTANCE_OFFICER', 'ENROLLMENT_CLERK', 'MANAGER'],
  'GET /api/assistance/persons/{personId}/assistance': ['ASSISTANCE_OFFICER', 'MANAGER'],
  'GET /api/assistance/persons/{personId}/poverty-warnings': ['ASSISTANCE_OFFICER', 'MANAGER'],
  'GET /api/settlement/persons/{personId}/settlements': ['AUDITOR', 'INVESTIGATOR', 'ASSISTANCE_OFFICER', 'MANAGER'],
  'GET /api/settlement/persons/{personId}/accumulators': ['AUDITOR', 'ASSISTANCE_OFFICER', 'MANAGER'],
  'GET /api/settlement/settlements/{id}/trace': ['AUDITOR', 'INVESTIGATOR', 'ASSISTANCE_OFFICER', 'MANAGER'],
} as const satisfies Record<string, readonly Role[]>;

export type Endpoint = keyof typeof ENDPOINT_ROLES;

/** Whether any of the roles may call the endpoint. */
export function mayCall(roles: readonly Role[], endpoint: Endpoint): boolean {
  return (ENDPOINT_ROLES[endpoint] as readonly Role[]).some((r) => roles.includes(r));
}
