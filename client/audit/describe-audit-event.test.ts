import { afterEach, describe, expect, it } from 'vitest';
import { translator } from '../i18n/translate.js';
import { describeAuditDetail, describeAuditKind } from './describe-audit-event.js';

describe('describeAuditKind', () => {
  it('A1 says each recorded act in plain words, and spells out kinds it does not know', () => {
    expect(describeAuditKind('paragraph_restored')).toBe('Paragraph restored');
    expect(describeAuditKind('version_saved')).toBe('Version saved');
    expect(describeAuditKind('something_new')).toBe('Something new');
  });
});

describe('describeAuditDetail', () => {
  afterEach(async () => {
    await translator.changeLanguage('en');
  });

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
      'Roles: drafter and approver',
    ]);
  });

  it('A3 names offices and says how a version was saved', () => {
    const names: Record<string, string> = { 'ee-interior': 'Estonia', 'fi-interior': 'Finland', 'lv-interior': 'Latvia' };
    expect(
      describeAuditDetail(
        { signatoryOfficeIds: ['ee-interior', 'lv-interior', 'fi-interior'], officeId: 'ee-interior', kind: 'status_change', paragraphId: '332b8b28-3240-4e8e-9396-14cda5c2a5f8' },
        (id) => names[id] ?? id,
      ),
    ).toEqual(['Signatory offices: Estonia, Latvia and Finland', 'Office: Estonia', 'Kind: Automatic, at a status change', 'Paragraph: 332b8b28…']);
  });

  it('A2 labels every field, yes and no, and joins lists in the chosen language', async () => {
    const names: Record<string, string> = { 'ee-interior': 'Viro', 'fi-interior': 'Suomi' };
    await translator.changeLanguage('fi');
    expect(
      describeAuditDetail(
        { signatoryOfficeIds: ['ee-interior', 'fi-interior'], imported: true, letterHash: 'cd'.repeat(32), closeCode: 4403, fields: ['title', 'subject'] },
        (id) => names[id] ?? id,
      ),
    ).toEqual(['Allekirjoittavat virastot: Viro ja Suomi', 'Tuotu tiedostosta: Kyllä', 'Kirjeen tiiviste: cdcdcdcd…', 'Sulkemiskoodi: 4403', 'Muutetut kentät: Otsikko ja Asia']);
    await translator.changeLanguage('pl');
    expect(describeAuditDetail({ reason: 'Proszę o zmianę', isOfficeAdmin: false })).toEqual(['Powód: Proszę o zmianę', 'Administrator urzędu: Nie']);
  });

  it('says the words the server recorded in its own English in the chosen language, and keeps words it does not know', async () => {
    await translator.changeLanguage('sv');
    expect(describeAuditDetail({ via: 'command line' })).toEqual(['Via: kommandoraden']);
    expect(describeAuditDetail({ via: 'invitation', because: 'every signatory office signed' })).toEqual([
      `${translator.t('auditDetail.via')}: inbjudan`,
      `${translator.t('auditDetail.because')}: alla undertecknande myndigheter undertecknade`,
    ]);
    expect(describeAuditDetail({ via: 'constructor', because: 'a reason from a newer server' })).toEqual([
      `${translator.t('auditDetail.via')}: constructor`,
      `${translator.t('auditDetail.because')}: a reason from a newer server`,
    ]);
  });

  it('spells out a field it does not know yet', () => {
    expect(describeAuditDetail({ somethingNew: 'x' })).toEqual(['Something new: x']);
  });
});
