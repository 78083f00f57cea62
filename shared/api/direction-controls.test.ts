import { describe, expect, it } from 'vitest';
import { createLetterRequestSchema } from './letters.js';
import { signatoriesRequestSchema } from './signoffs.js';
import { saveVersionRequestSchema } from './versions.js';

describe('T1 letter details hold no direction controls', () => {
  it('T1 refuses a title, subject or addressee with one', () => {
    expect(createLetterRequestSchema.safeParse({ title: 'Joint letter' }).success).toBe(true);
    for (const field of ['title', 'subject']) {
      expect(createLetterRequestSchema.safeParse({ title: 'Joint letter', [field]: 'EUR \u202E000,01' }).success).toBe(false);
    }
    expect(createLetterRequestSchema.safeParse({ title: 'Joint letter', addressees: ['The \u2066Commission\u2069'] }).success).toBe(false);
  });

  it('T1 refuses a signing person or capacity with one: both are part of the letter hash', () => {
    const signatory = { officeId: 'fi-interior', signerName: 'Mari Rantanen', capacity: 'Minister' };
    expect(signatoriesRequestSchema.safeParse({ signatories: [signatory] }).success).toBe(true);
    expect(signatoriesRequestSchema.safeParse({ signatories: [{ ...signatory, signerName: 'Mari \u202ERantanen' }] }).success).toBe(false);
    expect(signatoriesRequestSchema.safeParse({ signatories: [{ ...signatory, capacity: 'Minister\u200F' }] }).success).toBe(false);
  });
});

describe('T1 a saved version’s name is a plain line', () => {
  it('T1 refuses a version name with a direction control or a control character: every member reads it in the list of versions', () => {
    expect(saveVersionRequestSchema.safeParse({ name: 'Sent to capitals' }).success).toBe(true);
    expect(saveVersionRequestSchema.safeParse({ name: 'Final \u202Efdp.exe' }).success).toBe(false);
    expect(saveVersionRequestSchema.safeParse({ name: 'Final\u0000 draft' }).success).toBe(false);
    expect(saveVersionRequestSchema.safeParse({ name: 'Final\u0007' }).success).toBe(false);
  });
});
