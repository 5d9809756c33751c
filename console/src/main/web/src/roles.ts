/** The staff roles a token may carry (claim `roles`). */
export const ROLES = [
  'ENROLLMENT_CLERK',
  'ASSISTANCE_OFFICER',
  'AUDITOR',
  'INVESTIGATOR',
  'DECIDER',
  'REVIEWER',
  'PROCUREMENT_OFFICER',
  'MANAGER',
  'CARE_ASSESSOR',
  'CARE_OFFICER',
  'CLEARING_OFFICER',
] as const;
export type Role = (typeof ROLES)[number];

/** Which roles see which page (the services enforce the same again: access-policy.yml). */
export const PAGE_ROLES = {
  persons: ['ENROLLMENT_CLERK', 'ASSISTANCE_OFFICER', 'AUDITOR', 'INVESTIGATOR', 'MANAGER'],
  queues: ['ENROLLMENT_CLERK', 'ASSISTANCE_OFFICER', 'AUDITOR', 'INVESTIGATOR', 'DECIDER', 'REVIEWER', 'MANAGER'],
  institutions: ['AUDITOR', 'INVESTIGATOR', 'DECIDER', 'REVIEWER', 'MANAGER', 'CLEARING_OFFICER'],
  dashboard: ['MANAGER', 'AUDITOR', 'ASSISTANCE_OFFICER', 'PROCUREMENT_OFFICER', 'CLEARING_OFFICER'],
  files: ['ENROLLMENT_CLERK', 'ASSISTANCE_OFFICER', 'PROCUREMENT_OFFICER', 'MANAGER'],
  simulations: ['MANAGER'],
} as const satisfies Record<string, readonly Role[]>;

/** The work queues' tabs, each for the roles that can act on it. */
export const QUEUE_ROLES = {
  certifications: ['ENROLLMENT_CLERK', 'MANAGER'],
  warnings: ['ASSISTANCE_OFFICER'],
  claims: ['AUDITOR', 'REVIEWER', 'MANAGER'],
  cases: ['AUDITOR', 'INVESTIGATOR', 'DECIDER', 'REVIEWER', 'MANAGER'],
} as const satisfies Record<string, readonly Role[]>;

export type Page = keyof typeof PAGE_ROLES;
