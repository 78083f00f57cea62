import { afterEach, describe, expect, it } from 'vitest';
import { createOfficeRequestSchema, createUserRequestSchema } from '../../shared/api/accounts.js';
import { inviteToLetterRequestSchema } from '../../shared/api/members.js';
import { describeSchemaIssue } from './describe-schema-issue.js';
import { translator } from './translate.js';

const office = { id: 'ee-interior', name: 'Siseministeerium', nameEn: 'Ministry of the Interior', country: 'Estonia', ministerName: 'Lauri Läänemets', ministerTitle: 'Minister of the Interior', color: '#1f4e79' };

/** The first problem the schema finds in `value`, as the form shows it beside its field. */
function firstProblem(schema: { safeParse: (value: unknown) => { success: boolean; error?: { issues: unknown[] } } }, value: unknown): { field: unknown; text: string } {
  const parsed = schema.safeParse(value);
  const issue = parsed.error?.issues[0] as Parameters<typeof describeSchemaIssue>[0] | undefined;
  if (!issue) throw new Error('expected the schema to refuse the value');
  return { field: issue.path[0], text: describeSchemaIssue(issue) };
}

describe('describeSchemaIssue', () => {
  afterEach(async () => {
    await translator.changeLanguage('en');
  });

  it('T1 says what to fix in an office form, by the field the schema names, in the chosen language', async () => {
    await translator.changeLanguage('fi');
    expect(firstProblem(createOfficeRequestSchema, { ...office, ministerName: 'Lauri \u202ELäänemets' })).toEqual({
      field: 'ministerName',
      text: 'Poista näkymättömät suunnanohjausmerkit (kuten U+202E): ne voivat saada tekstin näkymään näytöllä eri järjestyksessä kuin paperilla.',
    });
    expect(firstProblem(createOfficeRequestSchema, { ...office, ministerTitle: 'Minister\tof the Interior' })).toEqual({
      field: 'ministerTitle',
      text: 'Poista ohjausmerkit, kuten sarkaimet tai rivinvaihdot.',
    });
  });

  it('counts lengths in the plural forms of the chosen language', async () => {
    await translator.changeLanguage('pl');
    expect(firstProblem(createUserRequestSchema.shape.name, 'x'.repeat(201)).text).toBe('Wpisz maksymalnie 200 znaków.');
    await translator.changeLanguage('lt');
    expect(firstProblem(createUserRequestSchema.shape.name, 'x'.repeat(201)).text).toBe('Naudokite ne daugiau kaip 200 simbolių.');
  });

  it('asks for a name that is missing and an e-mail address that is not one', async () => {
    await translator.changeLanguage('sv');
    expect(firstProblem(inviteToLetterRequestSchema.shape.name, '   ').text).toBe('Fyll i det här fältet.');
    expect(firstProblem(inviteToLetterRequestSchema.shape.email, 'not an address').text).toBe('Ange en e-postadress, till exempel namn@departement.example.');
  });

  it('never shows the schema’s own English words outside English', async () => {
    for (const language of ['da', 'et', 'lv', 'nb']) {
      await translator.changeLanguage(language);
      const { text } = firstProblem(createOfficeRequestSchema, { ...office, name: 'Sise\u0007ministeerium' });
      expect(text).not.toMatch(/must not|control characters/);
    }
  });
});
