import { describe, expect, it } from 'vitest';
import { pendingChanges } from './agreements';

describe('pendingChanges', () => {
  const history = [
    { status: 'ACTIVE', effective_from: '2015-01-01' },
    { status: 'SUSPENDED', effective_from: '2026-12-03' },
    { status: 'ACTIVE', effective_from: '2026-12-02' },
  ];
  it('keeps the changes that take effect after today, earliest first', () => {
    expect(pendingChanges(history, '2026-12-02')).toEqual([{ status: 'SUSPENDED', effective_from: '2026-12-03' }]);
    expect(pendingChanges(history, '2026-12-01').map((h) => h.effective_from)).toEqual(['2026-12-02', '2026-12-03']);
  });
  it('has none once they are in force', () => {
    expect(pendingChanges(history, '2026-12-03')).toEqual([]);
    expect(pendingChanges([], '2026-12-03')).toEqual([]);
  });
});
