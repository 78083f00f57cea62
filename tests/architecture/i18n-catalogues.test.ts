import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogues, type Catalogue } from '../../shared/i18n/catalogues.js';
import { sourceLanguage, supportedLanguages } from '../../shared/i18n/languages.js';

const root = path.resolve(import.meta.dirname, '../..');
const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** Every message of a catalogue as "feature.name" → text. */
function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const messages = new Map<string, string>();
  for (const [name, value] of Object.entries(catalogue)) {
    if (typeof value === 'string') messages.set(prefix + name, value);
    else for (const [key, text] of flatten(value, `${prefix}${name}.`)) messages.set(key, text);
  }
  return messages;
}

/** The key code asks for: a plural form's key without its `_one`/`_other`. */
const baseKey = (key: string) => key.replace(pluralSuffix, '');
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)/g)].map((match) => match[1]).sort();

function sourceText(): string {
  return ['client', 'server', 'shared']
    .flatMap((folder) =>
      fs.readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
        .map((file) => fs.readFileSync(path.join(root, folder, file), 'utf8')),
    )
    .join('\n');
}

const source = flatten(catalogues[sourceLanguage]);
const sourceKeys = new Set([...source.keys()].map(baseKey));

describe('interface catalogues', () => {
  const code = sourceText();

  it('I1: every key the code asks for is in the English catalogue', () => {
    const asked = [...code.matchAll(/\bt\(\s*'([\w.]+)'/g)].map((match) => match[1]!);
    expect(asked.length).toBeGreaterThan(100);
    expect(asked.filter((key) => !sourceKeys.has(key))).toEqual([]);
    // A key asked for without values (so without a count) must be a plain message, not only plural forms.
    const askedPlain = [...code.matchAll(/\bt\(\s*'([\w.]+)'\s*\)/g)].map((match) => match[1]!);
    expect(askedPlain.filter((key) => !source.has(key))).toEqual([]);
  });

  it('I2: every key of the English catalogue is used by some code', () => {
    expect([...sourceKeys].filter((key) => !code.includes(`'${key}'`))).toEqual([]);
  });

  it('I5: the client builds no sentence from English words or English number formats', () => {
    const client = fs.readdirSync(path.join(root, 'client'), { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'))
      .flatMap((file) => fs.readFileSync(path.join(root, 'client', file), 'utf8').split('\n').map((line, index) => ({ where: `${file}:${index + 1}`, line })));
    const englishPieces = [
      // A word chosen by the count in code, e.g. `count === 1 ? 'paragraph' : 'paragraphs'`, or an added 's'.
      /[=!]== 1 \? '[^']*' : '[^']*[a-z][^']*'/,
      /\? '' : 's'|\+ 's'/,
      // Numbers written the English way whatever the chosen language.
      /toLocaleString\(\s*'en/,
    ];
    expect(client.filter(({ line }) => englishPieces.some((pattern) => pattern.test(line))).map(({ where }) => where)).toEqual([]);
  });

  for (const language of supportedLanguages.filter((lng) => lng !== sourceLanguage)) {
    describe(language, () => {
      const translated = flatten(catalogues[language]);
      const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;

      it('I3: translates every message, each plural in every form the language has', () => {
        const missing: string[] = [];
        for (const [key, text] of source) {
          if (pluralSuffix.test(key)) {
            if (!key.endsWith('_other')) continue;
            for (const category of categories) if (!translated.get(`${baseKey(key)}_${category}`)?.trim()) missing.push(`${baseKey(key)}_${category}`);
          } else if (!translated.get(key)?.trim() && !text.match(/^\s*$/)) missing.push(key);
        }
        expect(missing).toEqual([]);
      });

      it('I4: holds no key the English catalogue lacks, and keeps every placeholder', () => {
        expect([...translated.keys()].filter((key) => !sourceKeys.has(baseKey(key)))).toEqual([]);
        // A plural form the language does not have would never be shown: a sign of a mix-up.
        const foreignForms = [...translated.keys()].filter((key) => {
          const form = pluralSuffix.exec(key)?.[1];
          return form !== undefined && !categories.includes(form as Intl.LDMLPluralRule);
        });
        expect(foreignForms).toEqual([]);
        const changed = [...translated].filter(([key, text]) => {
          const english = source.get(key) ?? source.get(`${baseKey(key)}_other`) ?? '';
          return placeholders(english).filter((name) => name !== 'count').join() !== placeholders(text).filter((name) => name !== 'count').join();
        });
        expect(changed.map(([key]) => key)).toEqual([]);
      });
    });
  }
});
