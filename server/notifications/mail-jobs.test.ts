import { describe, expect, it } from 'vitest';
import { NotificationKind } from '../../shared/domain/notification-rules.js';
import { MailMode, type NotificationRecord } from '../store/notification-store.js';
import { invitationMail } from './invitation-mail.js';
import { digestMail, notificationMail } from './mail-jobs.js';

const at = '2026-12-07T09:05:00.000Z';
const notification = (overrides: Partial<NotificationRecord> = {}): NotificationRecord => ({
  id: '00000000-0000-4000-8000-000000000001',
  userId: 'u',
  kind: NotificationKind.reminder,
  letterId: null,
  title: '',
  titleParts: { letterTitle: 'Joint letter on the eastern border' },
  path: '/letters/1',
  mail: MailMode.now,
  dedupeKey: null,
  createdAt: at,
  readAt: null,
  mailedAt: null,
  ...overrides,
});
const link = 'https://jointly.example.eu/letters/1';

describe('mail in the recipient’s language', () => {
  it('N2: a Finnish mail has a Finnish subject, the time in Finnish with its zone, and the link; nothing else', () => {
    const mail = notificationMail('fi', notification(), link);
    expect(mail.subject).toBe('Muistutus: kirje ”Joint letter on the eastern border” odottaa virastoasi');
    expect(mail.text.split('\n')).toEqual([
      mail.subject,
      '',
      'Aika: 7. joulukuuta 2026 klo 09.05 UTC',
      `Avaa se Jointlyssa: ${link}`,
      '',
      'Voit valita, mitkä ilmoitukset saat sähköpostiin, Jointlyn kellon alta kohdasta ”Ilmoitusasetukset”.',
    ]);
  });

  it('the same notification reads in Swedish for a Swedish reader', () => {
    const mail = notificationMail('sv', notification(), link);
    expect(mail.subject).toBe('Påminnelse: ”Joint letter on the eastern border” väntar på din myndighet');
    expect(mail.text).toContain('Tidpunkt: 7 december 2026 kl. 09:05 UTC');
  });

  it('a notification stored before titles were stored per language is mailed with its English title', () => {
    const mail = notificationMail('pl', notification({ title: 'Reminder: “Old letter” waits for your office', titleParts: null }), link);
    expect(mail.subject).toBe('Reminder: “Old letter” waits for your office');
    expect(mail.text).toContain(`Otwórz w Jointly: ${link}`);
  });

  it('counts a digest in each plural form Polish has', () => {
    const digest = (count: number) => digestMail('pl', Array.from({ length: count }, () => notification()), () => link);
    expect(digest(1).subject).toBe('Jointly: 1 powiadomienie dzisiaj');
    expect(digest(3).subject).toBe('Jointly: 3 powiadomienia dzisiaj');
    expect(digest(5).subject).toBe('Jointly: 5 powiadomień dzisiaj');
    expect(digest(22).subject).toBe('Jointly: 22 powiadomienia dzisiaj');
    const text = digest(2).text.split('\n');
    expect(text[0]).toBe('Twoje powiadomienia w Jointly od ostatniego podsumowania:');
    expect(text).toContain('- Przypomnienie: pismo „Joint letter on the eastern border” czeka na Twój urząd');
    expect(text).toContain('  7 grudnia 2026 09:05 UTC');
    expect(digestMail('en', [notification(), notification()], () => link).subject).toBe('Jointly: 2 notifications today');
    expect(digestMail('lv', [notification()], () => link).subject).toBe('Jointly: šodien 1 paziņojums');
  });

  it('keeps the subject one line and the body free of added lines, whatever the names hold', () => {
    const hostile = notification({ kind: NotificationKind.mention, titleParts: { letterTitle: 'L\r\nBcc: x@evil.example', actorName: 'Eve\n\nhttps://evil.example' } });
    const mail = notificationMail('fi', hostile, link);
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.subject).toBe('Eve https://evil.example mainitsi sinut tai virastosi kirjeessä ”L Bcc: x@evil.example”');
    expect(mail.text.split('\n')).toHaveLength(6);
    const invitation = invitationMail('sv', 'Liis\r\nTamm', 'Helena\nhttps://evil.example', link, at);
    // A name may show the text of a link inside its sentence, never a line of its own that reads as the link.
    expect(invitation.text.split('\n').filter((line) => /^\s*https?:/.test(line))).toEqual([link]);
    expect(invitation.text.split('\n')).toHaveLength(8);
  });

  it('writes an invitation in the chosen language with the expiry in that language and its zone', () => {
    const mail = invitationMail('sv', 'Liis Tamm', 'Helena Virtanen', link, at);
    expect(mail.subject).toBe('Din inbjudan till Jointly');
    expect(mail.text.split('\n')).toEqual([
      'Hej Liis Tamm,',
      '',
      'Helena Virtanen har bjudit in dig till Jointly, där myndigheter skriver gemensamma brev tillsammans.',
      'Välj ditt lösenord via den här länken för att logga in. Den fungerar en gång, fram till 7 december 2026 kl. 09:05 UTC:',
      '',
      link,
      '',
      'Om du inte väntade dig den här inbjudan kan du bortse från det här meddelandet.',
    ]);
    expect(invitationMail('en', 'Liis Tamm', null, link, at).text).toContain('It works once, until 7 December 2026 at 09:05 UTC:');
  });
});
