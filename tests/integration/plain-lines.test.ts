import { describe, expect, it } from 'vitest';
import { paragraphHash } from '../../shared/domain/paragraph-hash.js';
import { collectTextBlocks, textBlockJson } from '../../shared/domain/yjs-text-blocks.js';
import { bodyOf } from './harness/letter-body.js';
import { useSharedServer } from './harness/server-process.js';
import { apiRequest, findDemoLetterId, signIn } from './harness/sign-in.js';
import { joinLetter } from './harness/sync-client.js';

/** "Approve" read right to left: what another office would see in place of the words typed. */
const reversed = 'ok \u202Eevorppa\u202C';

/** Expects a 400 that names the direction controls, for a request that holds one in a line people read. */
async function expectRefused(response: Response): Promise<void> {
  expect(response.status).toBe(400);
  expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/direction controls/);
}

describe('T1 lines read beside the letter hold no direction controls', () => {
  const server = useSharedServer({ env: { ROOM_GRACE_MS: '0' } });

  it('T1 a reason for changes with a direction control is refused (400) and not recorded', async () => {
    const approver = await signIn(server(), 'Kadri Tamm');
    const letterId = await findDemoLetterId(server(), approver);
    const reader = await joinLetter(server(), approver, letterId);
    const [first] = collectTextBlocks(bodyOf(reader.doc));
    const hash = paragraphHash(textBlockJson(first!.element));
    const path = `/api/letters/${letterId}/paragraphs/${first!.id}/signoffs`;
    await expectRefused(await apiRequest(server(), approver, 'POST', path, { action: 'request_changes', hash, reason: reversed }));
    const batch = { items: [{ paragraphId: first!.id, action: 'request_changes', hash, reason: reversed }] };
    await expectRefused(await apiRequest(server(), approver, 'POST', `/api/letters/${letterId}/signoffs`, batch));
    const history = await apiRequest(server(), approver, 'GET', `/api/letters/${letterId}/signoffs`);
    expect(await history.text()).not.toContain('\u202E');
  });

  it('T1 a reason for moving the letter back with a direction control is refused (400)', async () => {
    const coordinator = await signIn(server());
    const letterId = await findDemoLetterId(server(), coordinator);
    await expectRefused(await apiRequest(server(), coordinator, 'POST', `/api/letters/${letterId}/status`, { to: 'drafting', reason: reversed }));
  });

  it('T1 a person invited to a letter, or created by an administrator, cannot be named with a direction control', async () => {
    const coordinator = await signIn(server());
    const letterId = await findDemoLetterId(server(), coordinator);
    const invitee = { name: `Minister ${reversed}`, email: 'reversed@ee-interior.example', officeId: 'ee-interior', roles: ['observer'] };
    await expectRefused(await apiRequest(server(), coordinator, 'POST', `/api/letters/${letterId}/invitations`, invitee));
    const admin = await signIn(server(), 'Olli Korhonen');
    const person = { name: `Minister ${reversed}`, email: 'reversed2@ee-interior.example', officeId: 'ee-interior' };
    await expectRefused(await apiRequest(server(), admin, 'POST', '/api/admin/users', person));
  });

  it('T1 the refusal names the field and the rule it broke, so that the screen can say it in the person’s language', async () => {
    const coordinator = await signIn(server());
    const letterId = await findDemoLetterId(server(), coordinator);
    const invitee = { name: `Minister ${reversed}`, email: 'reversed3@ee-interior.example', officeId: 'ee-interior', roles: ['observer'] };
    const response = await apiRequest(server(), coordinator, 'POST', `/api/letters/${letterId}/invitations`, invitee);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; issue?: unknown } };
    expect(error.code).toBe('validation_failed');
    expect(error.issue).toEqual({ field: 'name', code: 'custom', rule: 'no_direction_controls' });
  });

  it("T1 an office's minister, its default signatory, cannot be named with a direction control", async () => {
    const admin = await signIn(server(), 'Olli Korhonen');
    const office = {
      id: 'xx-reversed',
      name: 'Reversed ministry',
      nameEn: 'Reversed ministry',
      country: 'xx',
      ministerName: `Minister ${reversed}`,
      ministerTitle: `Minister of ${reversed}`,
      color: '#1f4e79',
    };
    await expectRefused(await apiRequest(server(), admin, 'POST', '/api/admin/offices', office));
    const offices = await apiRequest(server(), admin, 'GET', '/api/offices');
    expect(await offices.text()).not.toContain('xx-reversed');
  });
});
