import { describe, expect, it } from 'vitest';
import { AuditKind } from '../../shared/api/audit.js';
import { createLogger } from '../logger.js';
import type { AuditDraft, Store } from '../store/store.js';
import { RefusalAudit } from './refusal-audit.js';

function recorder() {
  const recorded: AuditDraft[] = [];
  const store = { audit: { append: async (drafts: AuditDraft[]) => void recorded.push(...drafts) } } as unknown as Store;
  let now = 0;
  const audit = new RefusalAudit(store, createLogger('silent'), 60_000, () => now);
  return { recorded, audit, advance: (ms: number) => (now += ms) };
}

const kadri = { id: 'kadri', officeId: 'ee-interior' };

describe('refused acts in the audit trail', () => {
  it('records one refusal per person, kind and letter a window, then counts those left out', async () => {
    const { recorded, audit, advance } = recorder();
    for (let attempt = 0; attempt < 50; attempt++) await audit.record(AuditKind.syncRefused, kadri, 'letter-1', { closeCode: 4403 });
    expect(recorded).toHaveLength(1);
    // Another letter, and another kind, are recorded on their own.
    await audit.record(AuditKind.syncRefused, kadri, 'letter-2', { closeCode: 4403 });
    await audit.record(AuditKind.signoffRefused, kadri, 'letter-1', { status: 403 });
    expect(recorded).toHaveLength(3);
    advance(60_000);
    await audit.record(AuditKind.syncRefused, kadri, 'letter-1', { closeCode: 4422 });
    expect(recorded).toHaveLength(4);
    expect(recorded[3]!.detail).toEqual({ closeCode: 4422, unrecordedBefore: 49 });
  });

  it('answers the refusal even when the record cannot be written', async () => {
    const store = { audit: { append: () => Promise.reject(new Error('disk full')) } } as unknown as Store;
    await expect(new RefusalAudit(store, createLogger('silent')).record(AuditKind.syncRefused, kadri, 'letter-1', {})).resolves.toBeUndefined();
  });
});
