import type { LetterDetail, LetterListResponse, OfficeListResponse } from '../../../shared/api/letters.js';
import type { SessionResponse, SessionUser } from '../../../shared/api/session.js';
import { demoPeople } from '../../../server/workspace/demo-offices.js';
import { demoLetterTitle } from '../../../server/workspace/demo-letter.js';
import { demoPassword, type ServerProcess } from './server-process.js';

/** A signed-in demo person: the cookie to send, and who the server says they are. */
export interface Session {
  cookie: string;
  user: SessionUser;
}

/** Signs in as the demo person with this name (the coordinator when none is named), with the demo password. */
export async function signIn(server: ServerProcess, name?: string): Promise<Session> {
  const person = name === undefined ? demoPeople[0] : demoPeople.find((candidate) => candidate.name === name);
  if (!person) throw new Error(`no demo person named ${name}`);
  const response = await fetch(`${server.httpUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: person.email, password: demoPassword }),
  });
  if (!response.ok) throw new Error(`POST /api/auth/login answered ${response.status}`);
  const setCookie = response.headers.getSetCookie().find((header) => header.startsWith('jointly_session='));
  if (!setCookie) throw new Error('POST /api/auth/login set no session cookie');
  const { user } = (await response.json()) as SessionResponse;
  return { cookie: setCookie.split(';')[0]!, user: user! };
}

/** A request to the API as this session; the body, if any, is sent as JSON. */
export function apiRequest(server: ServerProcess, session: Session | null, method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {};
  if (session) headers.cookie = session.cookie;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${server.httpUrl}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** The letter the demo workspace starts with. */
export async function findDemoLetterId(server: ServerProcess, session: Session): Promise<string> {
  const response = await apiRequest(server, session, 'GET', '/api/letters');
  if (!response.ok) throw new Error(`GET /api/letters answered ${response.status}`);
  const { letters } = (await response.json()) as LetterListResponse;
  const letter = letters.find((candidate) => candidate.title === demoLetterTitle);
  if (!letter) throw new Error('the demo workspace has no demo letter');
  return letter.id;
}

/** Every office of the workspace: a letter signed by all of them has every demo user as a member. */
export async function listOfficeIds(server: ServerProcess, session: Session): Promise<string[]> {
  const response = await apiRequest(server, session, 'GET', '/api/offices');
  if (!response.ok) throw new Error(`GET /api/offices answered ${response.status}`);
  return ((await response.json()) as OfficeListResponse).offices.map((office) => office.id);
}

/** Creates an empty letter; its creator coordinates it, the people of its signatory offices edit it. */
export async function createLetter(
  server: ServerProcess,
  session: Session,
  signatoryOfficeIds?: readonly string[],
): Promise<string> {
  const response = await apiRequest(server, session, 'POST', '/api/letters', {
    title: 'Integration test letter',
    subject: 'Written by the integration tests',
    addressees: [],
    signatoryOfficeIds: signatoryOfficeIds ?? (await listOfficeIds(server, session)),
  });
  if (response.status !== 201) throw new Error(`POST /api/letters answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as LetterDetail).id;
}
