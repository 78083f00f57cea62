import { describe, expect, it } from 'vitest';
import { findMentions, MentionKind, type MentionCandidate } from './mentions.js';

const candidates: MentionCandidate[] = [
  { kind: MentionKind.office, id: 'ee-interior', names: ['Estonia', 'Siseministeerium', 'ee-interior'] },
  { kind: MentionKind.user, id: 'u-anna', names: ['Anna'] },
  { kind: MentionKind.user, id: 'u-anna-berg', names: ['Anna Berg'] },
  { kind: MentionKind.user, id: 'u-liga', names: ['Līga Ozola'] },
];

describe('M1 mentions in a comment', () => {
  it('M1 finds offices and people by name, case-insensitively, once each', () => {
    expect(findMentions('@estonia please check; @Līga Ozola too. @Estonia again', candidates)).toEqual([
      { kind: 'office', id: 'ee-interior' },
      { kind: 'user', id: 'u-liga' },
    ]);
  });

  it('M1 prefers the longest name and needs a word boundary after it', () => {
    expect(findMentions('@Anna Berg, see this', candidates)).toEqual([{ kind: 'user', id: 'u-anna-berg' }]);
    expect(findMentions('@Annabel is nobody here', candidates)).toEqual([]);
  });

  it('M1 ignores an e-mail address and an @ that names nobody', () => {
    expect(findMentions('write to desk@estonia.example or @Nobody', candidates)).toEqual([]);
  });
});
