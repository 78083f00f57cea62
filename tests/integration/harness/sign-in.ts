import type { LetterDetail, LetterListResponse, OfficeListResponse } from '../../../shared/api/letters.js';
import type { DemoUsersResponse, SessionUser } from '../../../shared/api/session.js';
import { demoLetterTitle } from '../../../server/workspace/demo-letter.js';
import type { ServerProcess } from './server-process.js';

/** A signed-in demo user: the cookie to send, and who the server says they are. */
export interface Session {
  cookie: string;
  user: SessionUser;
}

export async function listDemoUsers(server: ServerProcess): Promise<SessionUser[]> {
  const response = await fetch(`${server.httpUrl}/api/demo-users`);
  if (!response.ok) throw new Error(`GET /api/demo-users answered ${response.status}`);
  return ((await response.json()) as DemoUsersResponse).users;
}

/** Signs in as the demo user with this name (the first demo user when none is named). */
export async function signIn(server: ServerProcess, name?: string): Promise<Session> {
  const users = await listDemoUsers(server);
  const user = name === undefined ? users[0] : users.find((candidate) => candidate.name === name);
  if (!user) throw new Error(`no demo user named ${name}`);
  const response = await fetch(`${server.httpUrl}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: user.id }),
  });
  if (!response.ok) throw new Error(`POST /api/session answered ${response.status}`);
  const setCookie = response.headers.getSetCookie().find((header) => header.startsWith('jointly_session='));
  if (!setCookie) throw new Error('POST /api/session set no session cookie');
  return { cookie: setCookie.split(';')[0]!, user };
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
