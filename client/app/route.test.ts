import { describe, expect, it } from 'vitest';
import { letterAuditPath, letterPath, letterSignOffPath, letterVersionPath, letterVersionsPath, parseRoute } from './route.js';

describe('parseRoute', () => {
  it('shows the letter list at the root', () => {
    expect(parseRoute('/')).toEqual({ page: 'letters' });
  });

  it('reads the letter id from /letters/:id, with or without a trailing slash', () => {
    const id = '0b7e1c1e-7d3a-4a59-9a34-2f0f1b9f3b11';
    expect(parseRoute(`/letters/${id}`)).toEqual({ page: 'letter', letterId: id });
    expect(parseRoute(`/letters/${id}/`)).toEqual({ page: 'letter', letterId: id });
  });

  it('round-trips letterPath', () => {
    expect(parseRoute(letterPath('a b'))).toEqual({ page: 'letter', letterId: 'a b' });
  });

  it('reads the sign-off overview of a letter', () => {
    expect(parseRoute(letterSignOffPath('a b'))).toEqual({ page: 'sign-off', letterId: 'a b' });
    expect(parseRoute('/letters/x/sign-off/')).toEqual({ page: 'sign-off', letterId: 'x' });
  });

  it('reads the versions of a letter, one version, and the audit trail', () => {
    expect(parseRoute(letterVersionsPath('a b'))).toEqual({ page: 'versions', letterId: 'a b' });
    expect(parseRoute('/letters/x/versions/')).toEqual({ page: 'versions', letterId: 'x' });
    expect(parseRoute(letterVersionPath('a b', 'v 1'))).toEqual({ page: 'version', letterId: 'a b', versionId: 'v 1' });
    expect(parseRoute(letterAuditPath('a b'))).toEqual({ page: 'audit', letterId: 'a b' });
    expect(parseRoute('/letters/x/audit/')).toEqual({ page: 'audit', letterId: 'x' });
  });

  it('knows the administration page', () => {
    expect(parseRoute('/admin')).toEqual({ page: 'admin' });
    expect(parseRoute('/admin/')).toEqual({ page: 'admin' });
  });

  it('reads the token of an invitation link', () => {
    expect(parseRoute('/invitations/abc_DEF-123')).toEqual({ page: 'invitation', token: 'abc_DEF-123' });
  });

  it('does not know anything else', () => {
    expect(parseRoute('/letters')).toEqual({ page: 'not-found' });
    expect(parseRoute('/letters/x/y')).toEqual({ page: 'not-found' });
    expect(parseRoute('/invitations')).toEqual({ page: 'not-found' });
    expect(parseRoute('/admin/users')).toEqual({ page: 'not-found' });
    expect(parseRoute('/letters/%E0%A4%A')).toEqual({ page: 'not-found' });
    expect(parseRoute('/letters/x/versions/%E0%A4%A')).toEqual({ page: 'not-found' });
    expect(parseRoute('/letters/x/versions/v/y')).toEqual({ page: 'not-found' });
  });
});
