import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode } from '../../shared/api/errors.js';
import { translator } from '../i18n/translate.js';
import { ApiError, describeError } from './api-error.js';

const refusedName = () =>
  new ApiError(400, ErrorCode.validationFailed, 'name: must not contain invisible direction controls', { field: 'name', code: 'custom', rule: 'no_direction_controls' });

describe('describeError', () => {
  afterEach(async () => {
    await translator.changeLanguage('en');
  });

  it('shows the server’s own message in English', () => {
    expect(describeError(refusedName())).toBe('name: must not contain invisible direction controls');
  });

  it('says what the server’s schema refused in the chosen language, not in the schema’s English words', async () => {
    await translator.changeLanguage('fi');
    expect(describeError(refusedName())).toBe(
      'Osa syötetyistä tiedoista ei kelpaa. Tarkista kentät ja yritä uudelleen. Poista näkymättömät suunnanohjausmerkit (kuten U+202E): ne voivat saada tekstin näkymään näytöllä eri järjestyksessä kuin paperilla.',
    );
    await translator.changeLanguage('lv');
    const tooLong = new ApiError(400, ErrorCode.validationFailed, 'title: Too big', { field: 'title', code: 'too_big', maximum: 200, isText: true });
    expect(describeError(tooLong)).toBe('Daļa ievadīto datu nav derīga. Pārbaudiet laukus un mēģiniet vēlreiz. Izmantojiet ne vairāk kā 200 rakstzīmes.');
  });

  it('keeps to the code’s message when the server sent no details', async () => {
    await translator.changeLanguage('sv');
    expect(describeError(new ApiError(400, ErrorCode.validationFailed, 'invalid body'))).toBe('En del av det som angetts är inte giltigt. Kontrollera fälten och försök igen.');
  });
});
