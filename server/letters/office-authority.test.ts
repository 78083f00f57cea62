import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Office } from '../../shared/api/offices.js';
import { hashPassword } from '../auth/password-hasher.js';
import { composeServices } from '../compose.js';
import { testServiceOptions } from '../test-service-options.js';
import { createLogger } from '../logger.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';

// Invariant 11: an office speaks only through its own people. Finland coordinates a letter that
// Norway and Poland sign; Finland is not a signatory.
const office = (id: string, nameEn: string): Office => ({
  id,
  name: nameEn,
  nameEn,
  country: nameEn,
  ministerName: `Minister of ${nameEn}`,
  ministerTitle: 'Minister',
  color: '#1f4e79',
});
const offices = { finland: office('fi-interior', 'Finland'), norway: office('no-justice', 'Norway'), poland: office('pl-interior', 'Poland') };

type Person = 'coordinator' | 'admin' | 'norwayAdmin' | 'norwayDesk' | 'polandDesk';
const homeOffice: Record<Person, Office> = {
  coordinator: offices.finland,
  admin: offices.finland,
  norwayAdmin: offices.norway,
  norwayDesk: offices.norway,
  polandDesk: offices.poland,
};

let dir: string;
let store: SqliteStore;
let services: ReturnType<typeof composeServices>;
const ids = {} as Record<Person, string>;
const cookies = {} as Record<Person, string>;
let letterId: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jointly-office-authority-'));
  store = SqliteStore.open(path.join(dir, 'db.sqlite'));
  services = composeServices(store, createLogger('silent'), testServiceOptions());
  await store.accounts.insertOffices(Object.values(offices));
  const passwordHash = await hashPassword('a long test password');
  for (const person of Object.keys(homeOffice) as Person[]) {
    ids[person] = randomUUID();
    await store.accounts.insertUser({
      id: ids[person],
      officeId: homeOffice[person].id,
      name: `The ${person}`,
      email: `${person.toLowerCase()}@example.org`,
      isAdmin: person === 'admin',
      passwordHash,
      createdAt: new Date().toISOString(),
    });
    cookies[person] = `jointly_session=${(await services.sessions.start(ids[person])).id}`;
  }
  await store.accounts.setOfficeAdmin(ids.norwayAdmin, true);
  letterId = randomUUID();
  const now = new Date().toISOString();
  await store.letters.createLetter({
    letter: { id: letterId, title: 'T', subject: '', addressees: [], letterDate: null, status: 'drafting', createdBy: ids.coordinator, createdAt: now, updatedAt: now },
    signatories: [
      { position: 0, officeId: offices.norway.id, signerName: 'N', capacity: 'Minister' },
      { position: 1, officeId: offices.poland.id, signerName: 'P', capacity: 'Minister' },
    ],
    memberships: [
      { userId: ids.coordinator, roles: ['coordinator'] },
      { userId: ids.norwayAdmin, roles: ['drafter'] },
      { userId: ids.norwayDesk, roles: ['drafter'] },
      { userId: ids.polandDesk, roles: ['drafter'] },
    ],
  });
});

afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function request(person: Person | null, method: string, url: string, body?: unknown): Promise<Response> {
  return services.app.request(url, {
    method,
    headers: { ...(person ? { cookie: cookies[person] } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

const invite = (person: Person, email: string, officeId: string, roles: string[]) =>
  request(person, 'POST', `/api/letters/${letterId}/invitations`, { name: 'New Person', email, officeId, roles });
const setRoles = (person: Person, userId: string, roles: string[]) => request(person, 'PUT', `/api/letters/${letterId}/members/${userId}`, { roles });
const rolesOf = async (userId: string) => store.letters.getRoles(letterId, userId);
const auditKinds = async () => (await store.audit.listForLetter(letterId)).map((event) => event.kind);

async function expectRefused(response: Response): Promise<void> {
  expect(response.status).toBe(403);
  expect((await response.json()).error.code).toBe('office_authority_required');
}

describe('invariant 11: an office speaks only through its own people', () => {
  it('refuses a coordinator of a non-signatory office creating Norway approvers, creates no account, and audits the attempt', async () => {
    await expectRefused(await invite('coordinator', 'fake-approver@no.example', offices.norway.id, ['approver']));
    await expectRefused(await invite('coordinator', 'fake-signer@pl.example', offices.poland.id, ['drafter', 'approver']));
    expect(await store.accounts.findAccountByEmail('fake-approver@no.example')).toBeNull();
    expect(await store.accounts.findAccountByEmail('fake-signer@pl.example')).toBeNull();
    expect(await auditKinds()).toContain('appointment_refused');
  });

  it('refuses a coordinator giving an existing Norway person the approver role, or making them coordinator', async () => {
    await expectRefused(await setRoles('coordinator', ids.norwayDesk, ['drafter', 'approver']));
    await expectRefused(await setRoles('coordinator', ids.norwayDesk, ['coordinator']));
    expect(await rolesOf(ids.norwayDesk)).toEqual(['drafter']);
  });

  it('lets a coordinator invite people of another office as drafters or observers, naming the office; they are guests who never approve by default', async () => {
    const response = await invite('coordinator', 'guest@no.example', offices.norway.id, ['drafter']);
    expect(response.status).toBe(201);
    const body = (await response.json()) as { office: Office; invitationUrl: string };
    expect(body.office.nameEn).toBe('Norway');
    const details = await request(null, 'GET', `/api/invitations/${body.invitationUrl.split('/').at(-1)}`);
    expect((await details.json()).officeName).toBe('Norway');
    const guest = (await store.accounts.findAccountByEmail('guest@no.example'))!;
    expect(guest.isGuest).toBe(true);
    // A new letter that Norway signs makes Norway's people approvers, but not a guest of Norway.
    const created = await request('coordinator', 'POST', '/api/letters', { title: 'Another letter', signatoryOfficeIds: [offices.norway.id] });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(await store.letters.getRoles(id, guest.id)).toEqual(['drafter']);
    expect(await store.letters.getRoles(id, ids.norwayDesk)).toEqual(['drafter', 'approver']);
  });

  it('refuses an invitation into an office that does not exist', async () => {
    const response = await invite('coordinator', 'nowhere@example.org', 'xx-nowhere', ['observer']);
    expect(response.status).toBe(400);
    expect(await store.accounts.findAccountByEmail('nowhere@example.org')).toBeNull();
  });

  it('lets the workspace administrator appoint approvers of any office, audited', async () => {
    expect((await setRoles('admin', ids.polandDesk, ['drafter', 'approver'])).status).toBe(200);
    expect(await rolesOf(ids.polandDesk)).toEqual(['drafter', 'approver']);
    expect((await invite('admin', 'new-approver@pl.example', offices.poland.id, ['approver'])).status).toBe(201);
    const created = (await store.accounts.findAccountByEmail('new-approver@pl.example'))!;
    expect(created.isGuest).toBeUndefined();
    expect(await rolesOf(created.id)).toEqual(['approver']);
    const events = await store.audit.listForLetter(letterId);
    expect(events.some((event) => event.kind === 'member_roles_changed' && event.actorUserId === ids.admin && JSON.parse(event.detail).userId === ids.polandDesk)).toBe(true);
  });

  it("lets Norway's office administrator appoint Norway's approvers, and no other office's", async () => {
    expect((await setRoles('norwayAdmin', ids.norwayDesk, ['drafter', 'approver'])).status).toBe(200);
    expect(await rolesOf(ids.norwayDesk)).toEqual(['drafter', 'approver']);
    expect((await invite('norwayAdmin', 'second@no.example', offices.norway.id, ['approver'])).status).toBe(201);
    await expectRefused(await setRoles('norwayAdmin', ids.polandDesk, ['approver']));
    await expectRefused(await invite('norwayAdmin', 'pl-person@pl.example', offices.poland.id, ['approver']));
    // Managing the letter is still the coordinator's: an office administrator only appoints approvers.
    await expectRefused(await setRoles('norwayAdmin', ids.norwayDesk, ['coordinator', 'approver']));
    // They can take back what they gave, and nothing else.
    expect((await setRoles('norwayAdmin', ids.norwayDesk, ['drafter'])).status).toBe(200);
    expect((await request('norwayAdmin', 'DELETE', `/api/letters/${letterId}/members/${ids.norwayDesk}`)).status).toBe(403);
  });

  it('lets only the workspace administrator make someone an office administrator, audited; an office administrator sees and adds only their own people', async () => {
    const appoint = (person: Person, userId: string, isOfficeAdmin: boolean) => request(person, 'PUT', `/api/admin/users/${userId}/office-admin`, { isOfficeAdmin });
    expect((await appoint('norwayAdmin', ids.norwayDesk, true)).status).toBe(403);
    expect((await appoint('coordinator', ids.polandDesk, true)).status).toBe(403);
    expect((await appoint('admin', ids.polandDesk, true)).status).toBe(200);
    expect((await store.accounts.getUser(ids.polandDesk))?.isOfficeAdmin).toBe(true);
    expect((await appoint('admin', ids.polandDesk, false)).status).toBe(200);
    expect((await store.accounts.getUser(ids.polandDesk))?.isOfficeAdmin).toBe(false);
    const chain = await store.audit.readChain(0, 10_000);
    expect(chain.filter((event) => event.kind === 'office_admin_changed').map((event) => JSON.parse(event.detail).isOfficeAdmin)).toEqual([true, false]);

    const listed = (await (await request('norwayAdmin', 'GET', '/api/admin/users')).json()) as { users: { officeId: string }[] };
    expect(new Set(listed.users.map((user) => user.officeId))).toEqual(new Set([offices.norway.id]));
    const add = (officeId: string, isAdmin = false) =>
      request('norwayAdmin', 'POST', '/api/admin/users', { name: 'Added', email: `added-${officeId}-${String(isAdmin)}@example.org`, officeId, isAdmin });
    expect((await add(offices.norway.id)).status).toBe(201);
    await expectRefused(await add(offices.poland.id));
    await expectRefused(await add(offices.norway.id, true));
    expect((await request('norwayAdmin', 'POST', '/api/admin/offices', { ...office('xx-new', 'New') })).status).toBe(403);
    expect((await request('coordinator', 'GET', '/api/admin/users')).status).toBe(403);
  });
});
