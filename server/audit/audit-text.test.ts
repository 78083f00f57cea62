import { describe, expect, it } from 'vitest';
import { auditableText } from './audit-text.js';

describe('text from a request as the audit trail keeps it', () => {
  it('T1 drops direction controls, invisible and control characters', () => {
    expect(auditableText('\u202Ekadri\u200B@ee\u0000.example\r\n\u2069', 100)).toBe('kadri@ee.example');
  });

  it('keeps at most the given number of characters, without cutting one in two', () => {
    expect(auditableText('a'.repeat(500), 254)).toHaveLength(254);
    expect(auditableText('ab😀c', 3)).toBe('ab😀');
  });
});
