import { describe, expect, it } from 'vitest';
import { describeAuditDetail, describeAuditKind } from './describe-audit-event.js';

describe('describeAuditKind', () => {
  it('A1 says each recorded act in plain words, and spells out kinds it does not know', () => {
    expect(describeAuditKind('paragraph_restored')).toBe('Paragraph restored');
    expect(describeAuditKind('version_saved')).toBe('Version saved');
    expect(describeAuditKind('something_new')).toBe('Something new');
  });
});

describe('describeAuditDetail', () => {
  it('A2 turns keys into words and statuses, actions and hashes into something readable', () => {
    expect(
      describeAuditDetail({
        name: 'Sent to capitals',
        from: 'drafting',
        to: 'in_review',
        action: 'request_changes',
        paragraphHash: 'ab'.repeat(32),
        roles: ['drafter', 'approver'],
        reason: null,
      }),
    ).toEqual([
      'Name: Sent to capitals',
      'From: Drafting',
      'To: In review',
      'Action: Changes requested',
      'Paragraph hash: abababab…',
      'Roles: drafter, approver',
    ]);
  });

  it('A3 names offices and says how a version was saved', () => {
    const names: Record<string, string> = { 'ee-interior': 'Estonia', 'fi-interior': 'Finland' };
    expect(
      describeAuditDetail(
        { signatoryOfficeIds: ['ee-interior', 'fi-interior'], officeId: 'ee-interior', kind: 'status_change', paragraphId: '332b8b28-3240-4e8e-9396-14cda5c2a5f8' },
        (id) => names[id] ?? id,
      ),
    ).toEqual(['Signatory offices: Estonia, Finland', 'Office: Estonia', 'Kind: Automatic, at a status change', 'Paragraph id: 332b8b28…']);
  });
});
