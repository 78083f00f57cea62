import { describe, expect, it } from 'vitest';
import { NotificationKind, notificationKinds } from '../domain/notification-rules.js';
import { supportedLanguages, type Language } from './languages.js';
import { notificationTitle, type Translate } from './notification-title.js';
import { createTranslator } from './translator.js';

const translate = (language: Language): Translate => {
  const translator = createTranslator(language);
  return (key, values) => (values ? translator.t(key, values) : translator.t(key));
};
const letterTitle = 'Joint letter on the eastern border';

describe('notification titles in the reader’s language', () => {
  it('N2: names the letter by its title in the language’s own quotation marks', () => {
    expect(notificationTitle(translate('fi'), NotificationKind.reminder, { letterTitle })).toBe(`Muistutus: kirje ”${letterTitle}” odottaa virastoasi`);
    expect(notificationTitle(translate('sv'), NotificationKind.reminder, { letterTitle })).toBe(`Påminnelse: ”${letterTitle}” väntar på din myndighet`);
    expect(notificationTitle(translate('pl'), NotificationKind.letterReady, { letterTitle })).toBe(`Pismo „${letterTitle}” jest gotowe do podpisu`);
    expect(notificationTitle(translate('en'), NotificationKind.reminder, { letterTitle })).toBe(`Reminder: “${letterTitle}” waits for your office`);
  });

  it('counts late offices in each plural form Polish and Lithuanian have', () => {
    const pl = (lateCount: number) => notificationTitle(translate('pl'), NotificationKind.deadlinePassed, { letterTitle: 'List', lateCount });
    expect(pl(1)).toBe('Termin dla pisma „List” upłynął: spóźnia się 1 urząd');
    expect(pl(3)).toBe('Termin dla pisma „List” upłynął: spóźniają się 3 urzędy');
    expect(pl(5)).toBe('Termin dla pisma „List” upłynął: spóźnia się 5 urzędów');
    expect(pl(22)).toBe('Termin dla pisma „List” upłynął: spóźniają się 22 urzędy');
    const lt = (lateCount: number) => notificationTitle(translate('lt'), NotificationKind.deadlinePassed, { letterTitle: 'Laiškas', lateCount });
    expect(lt(21)).toBe('Laiško „Laiškas“ terminas suėjo: vėluoja 21 institucija');
    expect(lt(12)).toBe('Laiško „Laiškas“ terminas suėjo: vėluoja 12 institucijų');
    // Told to the office itself, no count: the office is late.
    expect(notificationTitle(translate('fi'), NotificationKind.deadlinePassed, { letterTitle: 'Kirje' })).toBe('Kirjeen ”Kirje” määräaika on umpeutunut: virastosi on myöhässä');
  });

  it('tells a suggestion from a comment, and names someone when the actor is unknown', () => {
    const sv = translate('sv');
    expect(notificationTitle(sv, NotificationKind.commentOnApproved, { letterTitle: 'Brev', actorName: 'Erik Åkesson', activity: 'suggestion' })).toBe(
      'Erik Åkesson föreslog en ändring i ett stycke som din myndighet har godkänt i ”Brev”',
    );
    expect(notificationTitle(sv, NotificationKind.commentOnApproved, { letterTitle: 'Brev', actorName: 'Erik Åkesson' })).toBe(
      'Erik Åkesson kommenterade ett stycke som din myndighet har godkänt i ”Brev”',
    );
    expect(notificationTitle(translate('et'), NotificationKind.mention, { letterTitle: 'Kiri' })).toBe('Keegi mainis teid või teie asutust kirjas „Kiri“');
  });

  it('keeps every title one line, whatever the names hold', () => {
    const hostile = { letterTitle: 'Letter\r\nBcc: victim@example.com\u2028next', actorName: 'Mallory\n\nhttps://evil.example\u0000' };
    for (const language of supportedLanguages) {
      const title = notificationTitle(translate(language), NotificationKind.mention, hostile);
      expect(title, language).not.toMatch(/[\p{Cc}\p{Cf}\u2028\u2029]/u);
      expect(title, language).toContain('Letter Bcc: victim@example.com next');
    }
    expect(notificationTitle(translate('en'), NotificationKind.letterSigned, { letterTitle: 'x'.repeat(500) })).toHaveLength(`“”`.length + 120 + ' is signed by every office'.length);
  });

  it('has a title for every kind in every language, never a bare key', () => {
    for (const language of supportedLanguages) {
      for (const kind of notificationKinds) {
        const title = notificationTitle(translate(language), kind, { letterTitle: 'L', actorName: 'A', lateCount: 2 });
        expect(title, `${language} ${kind}`).not.toMatch(/notificationTitles\.|\{\{/);
        expect(title, `${language} ${kind}`).toContain('L');
      }
    }
  });
});
