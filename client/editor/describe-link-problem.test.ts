import { describe, expect, it } from 'vitest';
import { describeLinkProblem } from './describe-link-problem.js';

describe('describeLinkProblem', () => {
  it('accepts web and e-mail addresses', () => {
    expect(describeLinkProblem('https://home-affairs.ec.europa.eu/')).toBeNull();
    expect(describeLinkProblem('http://example.org')).toBeNull();
    expect(describeLinkProblem('mailto:desk@intermin.fi')).toBeNull();
  });

  it('T1 refuses an address with a direction control, naming it', () => {
    expect(describeLinkProblem('https://example.org/\u202Efdp.exe')).toMatch(/invisible direction control \(U\+202E\)/);
  });

  it('asks for an address when there is none', () => {
    expect(describeLinkProblem('')).toBe('Enter the address the link should open.');
  });

  it('suggests https:// for a bare domain', () => {
    expect(describeLinkProblem('www.example.org/page')).toBe(
      'Start the address with https://, for example https://www.example.org/page.',
    );
  });

  it('explains why script and data addresses are refused', () => {
    expect(describeLinkProblem('javascript:alert(1)')).toMatch(/could run code/);
    expect(describeLinkProblem('data:text/html,hi')).toMatch(/could run code/);
  });
});
