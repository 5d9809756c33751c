import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENDPOINT_ROLES, mayCall } from './access';
import { ROLES, type Role } from './roles';

/** The platform's access policy, read as text: `"METHOD path": [A, B]` or `{callers: [A, B], owner: X}`. */
function policy(): Map<string, Role[]> {
  const file = new URL('../../../../../platform/security/src/main/resources/org/yibao/security/access-policy.yml', import.meta.url);
  const rules = new Map<string, Role[]>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s*"([A-Z]+ [^"]+)":\s*(?:\{\s*callers:\s*)?\[([^\]]*)\]/.exec(line);
    if (!m) continue;
    const callers = m[2].split(',').map((s) => s.trim()).filter(Boolean);
    const staff = callers.includes('STAFF') ? [...ROLES] : callers.filter((c): c is Role => (ROLES as readonly string[]).includes(c));
    rules.set(m[1], staff);
  }
  return rules;
}

describe('ENDPOINT_ROLES', () => {
  const rules = policy();
  it('reads the policy file', () => {
    expect(rules.size).toBeGreaterThan(50);
  });
  for (const [endpoint, roles] of Object.entries(ENDPOINT_ROLES)) {
    it(`matches access-policy.yml for ${endpoint}`, () => {
      expect(rules.has(endpoint)).toBe(true);
      expect([...roles].sort()).toEqual([...rules.get(endpoint)!].sort());
    });
  }
  it('answers by any of the roles', () => {
    expect(mayCall(['INVESTIGATOR'], 'GET /api/enrollment/persons/{personId}')).toBe(false);
    expect(mayCall(['INVESTIGATOR', 'AUDITOR'], 'GET /api/enrollment/persons/{personId}')).toBe(true);
    expect(mayCall(['ENROLLMENT_CLERK'], 'GET /api/settlement/persons/{personId}/settlements')).toBe(false);
  });
});
