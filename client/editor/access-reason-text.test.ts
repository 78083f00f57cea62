import { afterEach, describe, expect, it } from 'vitest';
import { LetterStatus } from '../../shared/api/letters.js';
import { textReadOnlyReason } from '../../shared/domain/letter-course.js';
import { AccessReason } from '../../shared/protocol/access-reasons.js';
import { translator } from '../i18n/translate.js';
import { accessReasonText } from './access-reason-text.js';

describe('accessReasonText', () => {
  afterEach(async () => {
    await translator.changeLanguage('en');
  });

  it('C5 says why the text became read-only from the code the server sends for the status', () => {
    expect(accessReasonText(textReadOnlyReason(LetterStatus.ready)!)).toBe(
      'The letter is ready to sign: its text is read-only. The coordinator can move it back to review to change it.',
    );
    expect(accessReasonText(textReadOnlyReason(LetterStatus.signed)!)).toMatch(/frozen/);
  });

  it('shows every reason code in the chosen language', async () => {
    await translator.changeLanguage('fi');
    expect(accessReasonText(AccessReason.roleNowReads)).toBe('Koordinaattori muutti rooliasi: voit nyt lukea tätä kirjettä mutta et muokata sitä.');
    expect(accessReasonText(AccessReason.letterReady)).toMatch(/^Kirje on valmis allekirjoitettavaksi/);
    await translator.changeLanguage('sv');
    expect(accessReasonText(AccessReason.textOpenAgain, true)).toBe(translator.t('connection.openAgain'));
    for (const reason of Object.values(AccessReason)) expect(accessReasonText(reason)).not.toMatch(/letter|edit/i);
  });

  it('says only what the person can now do for a reason code it does not know', async () => {
    await translator.changeLanguage('pl');
    expect(accessReasonText('some_new_reason', false)).toBe('Możesz teraz czytać to pismo, ale nie edytować go.');
    expect(accessReasonText('some_new_reason', true)).toBe('Możesz edytować to pismo.');
  });
});
