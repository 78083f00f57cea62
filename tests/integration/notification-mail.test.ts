import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoLetterSubject, demoLetterTitle } from '../../server/workspace/demo-letter.js';
import { JobKind, MailMode } from '../../server/store/notification-store.js';
import type { SessionResponse } from '../../shared/api/session.js';
import { NotificationKind } from '../../shared/domain/notification-rules.js';
import type { LetterInvitationResponse } from '../../shared/api/members.js';
import type { NotificationList } from '../../shared/api/notifications.js';
import { SmtpMailbox, type ReceivedMail } from './harness/smtp-mailbox.js';
import { startServer, type ServerProcess } from './harness/server-process.js';
import { apiRequest, findDemoLetterId, signIn } from './harness/sign-in.js';
import { withTimeout } from './harness/wait-for.js';

/**
 * Reminders and deadline notices reach people by mail through a real SMTP server (smtp-server on a
 * loopback port), from a real server process; under `npm run test:scaled` from two instances on one
 * PostgreSQL, which must send each mail once.
 */
describe('notification mail', () => {
  let mailbox: SmtpMailbox;
  let server: ServerProcess;

  beforeEach(async () => {
    mailbox = await SmtpMailbox.start();
    server = await startServer({ env: { SMTP_URL: mailbox.url, MAIL_FROM: 'Jointly <jointly@interior.example>', JOBS_POLL_SECONDS: '0.2' } });
  });
  afterEach(async () => {
    await mailbox.close();
  });

  const to = (address: string, subjectStart: string) => (mail: ReceivedMail) => mail.to.includes(address) && mail.subject.startsWith(subjectStart);

  it('N2: a coordinator’s reminder mails the office’s approvers its title and a link, nothing of the letter’s text', async () => {
    const coordinator = await signIn(server);
    const letterId = await findDemoLetterId(server, coordinator);
    const response = await apiRequest(server, coordinator, 'POST', `/api/letters/${letterId}/reminders`, { officeIds: ['lv-interior'] });
    expect(response.status).toBe(200);

    const [mail] = await mailbox.waitFor(to('janis@lv-interior.example', 'Reminder'));
    expect(mail!.from).toBe('jointly@interior.example');
    expect(mail!.subject).toBe(`Reminder: “${demoLetterTitle}” waits for your office`);
    expect(mail!.text).toMatch(new RegExp(`http://localhost:\\d+/letters/${letterId}\\b`));
    expect(mail!.text).not.toContain(demoLetterSubject);
    expect(mail!.text).not.toContain('Dear President');
    // The title, when it happened, the link and where to choose mail: nothing else.
    expect(mail!.text.split('\n').filter(Boolean)).toHaveLength(4);
    expect(mail!.text).toMatch(/^When: \d{1,2} \w+ \d{4} at \d{2}:\d{2} UTC$/m);
    // Only the approvers of Latvia's office are reminded.
    expect(mailbox.mails.flatMap((m) => m.to)).toEqual(['janis@lv-interior.example']);

    const again = await apiRequest(server, coordinator, 'POST', `/api/letters/${letterId}/reminders`, { officeIds: ['lv-interior'] });
    expect(again.status).toBe(429);
    const store = await stoppedStore(server);
    try {
      const audit = await store.audit.listForLetter(letterId);
      expect(audit.filter((event) => event.kind === 'reminder_sent')).toHaveLength(1);
    } finally {
      await store.close();
    }
  });

  it('N2: one reminder reaches a Finnish-speaking approver in Finnish and a Swedish-speaking one in Swedish', async () => {
    const coordinator = await signIn(server);
    const letterId = await findDemoLetterId(server, coordinator);
    const aino = await signIn(server, 'Aino Mäkelä');
    const erik = await signIn(server, 'Erik Åkesson');
    expect((await apiRequest(server, aino, 'PUT', '/api/account/language', { language: 'fi' })).status).toBe(200);
    expect((await apiRequest(server, erik, 'PUT', '/api/account/language', { language: 'sv' })).status).toBe(200);

    const response = await apiRequest(server, coordinator, 'POST', `/api/letters/${letterId}/reminders`, { officeIds: ['fi-interior', 'se-government'] });
    expect(response.status).toBe(200);

    const [finnish] = await mailbox.waitFor((mail) => mail.to.includes('aino@fi-interior.example'));
    const [swedish] = await mailbox.waitFor((mail) => mail.to.includes('erik@se-government.example'));
    expect(finnish!.subject).toBe(`Muistutus: kirje ”${demoLetterTitle}” odottaa virastoasi`);
    expect(swedish!.subject).toBe(`Påminnelse: ”${demoLetterTitle}” väntar på din myndighet`);
    expect(finnish!.text).toMatch(/^Aika: \d{1,2}\. \p{L}+ \d{4} klo \d{2}\.\d{2} UTC$/mu);
    expect(finnish!.text).toMatch(new RegExp(`^Avaa se Jointlyssa: http://localhost:\\d+/letters/${letterId}$`, 'm'));
    expect(swedish!.text).toMatch(/^Tidpunkt: \d{1,2} \p{L}+ \d{4} kl\. \d{2}:\d{2} UTC$/mu);
    expect(swedish!.text).toMatch(new RegExp(`^Öppna den i Jointly: http://localhost:\\d+/letters/${letterId}$`, 'm'));
    for (const mail of [finnish!, swedish!]) expect(mail.text).not.toContain(demoLetterSubject);

    // Each reads the same notification in their language in the bell too: it stores what the title names.
    const bell = (await (await apiRequest(server, erik, 'GET', '/api/notifications')).json()) as NotificationList;
    expect(bell.notifications.find((n) => n.kind === NotificationKind.reminder)?.titleParts).toEqual({ letterTitle: demoLetterTitle });
  });

  it('N6: deadlines that pass while the server is down are told once each, by mail, after it restarts', async () => {
    const coordinator = await signIn(server);
    const letterId = await findDemoLetterId(server, coordinator);
    const dueAt = new Date(Date.now() + 3000).toISOString();
    const offices = ['lt-interior', 'no-justice', 'pl-interior'];
    const set = await apiRequest(server, coordinator, 'PUT', `/api/letters/${letterId}/deadlines`, { deadlines: offices.map((officeId) => ({ officeId, dueAt })) });
    expect(set.status).toBe(200);
    await server.stop();
    // The deadline itself is what the test waits for: it must pass while no instance runs.
    await withTimeout(new Promise((resolve) => setTimeout(resolve, Date.parse(dueAt) - Date.now() + 200)), 10_000, 'the deadline to pass');
    expect(mailbox.mails).toEqual([]);

    await server.start();
    const recipients = ['ruta@lt-interior.example', 'ingrid@no-justice.example', 'pawel@pl-interior.example'];
    for (const address of recipients) await mailbox.waitFor(to(address, 'Deadline passed'));
    // The coordinator hears once that the offices are late.
    const [toCoordinator] = await mailbox.waitFor(to('helena@fi-interior.example', 'Deadline passed'));
    expect(toCoordinator!.subject).toBe(`Deadline passed for “${demoLetterTitle}”: 3 offices are late`);

    // Stopping waits for the jobs under way; then nothing is left to send and nothing was sent twice.
    const store = await stoppedStore(server);
    try {
      expect(await store.notifications.countPendingJobs([JobKind.mail, JobKind.deadlinePassed])).toBe(0);
      const audit = (await store.audit.listForLetter(letterId)).filter((event) => event.kind === 'reminder_sent');
      // One event per office's deadline, in whichever order the instances ran them.
      expect(audit.flatMap((event) => (JSON.parse(event.detail) as { officeIds: string[] }).officeIds).sort()).toEqual(offices);
    } finally {
      await store.close();
    }
    for (const address of [...recipients, 'helena@fi-interior.example']) {
      expect(mailbox.mails.filter(to(address, 'Deadline passed')), address).toHaveLength(1);
    }
  });

  it('an invitation is mailed to the invited address with a link that lets them in, and no job keeps the link once sent', async () => {
    const coordinator = await signIn(server);
    const letterId = await findDemoLetterId(server, coordinator);
    const email = 'liis.tamm@ee-interior.example';
    const invited = await apiRequest(server, coordinator, 'POST', `/api/letters/${letterId}/invitations`, {
      name: 'Liis Tamm',
      email,
      officeId: 'ee-interior',
      roles: ['drafter'],
    });
    expect(invited.status).toBe(201);
    const { invitationUrl, mailedTo } = (await invited.json()) as LetterInvitationResponse;
    expect(mailedTo).toBe(email);

    const [mail] = await mailbox.waitFor((m) => m.to.includes(email));
    expect(mail!.to).toEqual([email]);
    expect(mail!.from).toBe('jointly@interior.example');
    expect(mail!.subject).toBe('Your invitation to Jointly');
    expect(mail!.text).toContain('Hello Liis Tamm,');
    expect(mail!.text).not.toContain(demoLetterSubject);
    const link = /^(http:\/\/localhost:\d+\/invitations\/\S+)$/m.exec(mail!.text)?.[1];
    // The mailed link carries the token of the one the coordinator was shown (its host is the public address).
    expect(new URL(link!).pathname).toBe(new URL(invitationUrl).pathname);

    // Through the link, the person sees who it is for, chooses a password and is signed in.
    const token = decodeURIComponent(new URL(link!).pathname.split('/').pop()!);
    const details = await apiRequest(server, null, 'GET', `/api/invitations/${encodeURIComponent(token)}`);
    expect(await details.json()).toMatchObject({ name: 'Liis Tamm', email });
    const accepted = await apiRequest(server, null, 'POST', `/api/invitations/${encodeURIComponent(token)}`, { password: 'a long enough password' });
    expect(accepted.status).toBe(200);
    const login = await apiRequest(server, null, 'POST', '/api/auth/login', { email, password: 'a long enough password' });
    expect(login.status).toBe(200);
    const { user } = (await login.json()) as SessionResponse;

    const store = await stoppedStore(server);
    try {
      // Sent: the job keeps only the address, and so no usable link.
      const jobs = await store.notifications.listJobs(JobKind.invitationMail, 10);
      expect(jobs.map((job) => [job.doneAt !== null, job.payload])).toEqual([[true, { to: email }]]);
      // Being added to the letter is told in the app only: the invitation is the one mail.
      const notices = await store.notifications.listNotifications(user!.id, 10);
      expect(notices.map((n) => [n.kind, n.mail])).toEqual([[NotificationKind.invitation, MailMode.none]]);
    } finally {
      await store.close();
    }
    expect(mailbox.mails.filter((m) => m.to.includes(email))).toHaveLength(1);
  });

  it('the bell’s stream hears of a notification stored by any instance', async () => {
    const coordinator = await signIn(server);
    const latvia = await signIn(server, 'Jānis Bērziņš');
    const letterId = await findDemoLetterId(server, coordinator);
    const stream = await fetch(`${server.httpUrl}/api/notifications/stream`, { headers: { cookie: latvia.cookie } });
    expect(stream.status).toBe(200);
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    const nextCount = async () => {
      const event = /data: \{"unread":(\d+)\}\n[^]*?\n\n/;
      while (!event.test(received)) {
        const { value, done } = await reader.read();
        if (done) throw new Error(`the stream ended; it sent: ${received}`);
        received += decoder.decode(value);
      }
      const match = event.exec(received)!;
      received = received.slice(match.index + match[0].length);
      return Number(match[1]);
    };
    try {
      const before = await withTimeout(nextCount(), 10_000, 'the first count');
      for (let i = 0; i < 2; i++) await apiRequest(server, coordinator, 'GET', '/api/session');
      await apiRequest(server, coordinator, 'POST', `/api/letters/${letterId}/reminders`, { officeIds: ['lv-interior'] });
      expect(await withTimeout(nextCount(), 10_000, 'the count after the reminder')).toBe(before + 1);
    } finally {
      await reader.cancel();
    }
  });
});

/** The server stopped (its jobs under way finished) and its store opened. */
async function stoppedStore(server: ServerProcess) {
  await server.stop();
  return server.openStore();
}
