import type { AuditKind } from '../../shared/api/audit.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { type Actor, auditDraft } from './audit-draft.js';

/** One person refused again and again on one letter is recorded once per window. */
const defaultWindowMs = 60_000;
/** Past this many remembered keys, the expired ones are forgotten. */
const pruneAbove = 10_000;

interface Window {
  until: number;
  /** Refusals in this window that were not recorded. */
  unrecorded: number;
}

/**
 * Records refused acts (a refused websocket frame, sign-off or appointment) in the audit trail.
 * A hostile client can be refused as often as it likes, so the chain gets at most one event per
 * person, kind and letter per window; the next recorded event says how many were left out.
 */
export class RefusalAudit {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly store: Store,
    private readonly logger: Logger,
    private readonly windowMs = defaultWindowMs,
    private readonly now: () => number = Date.now,
  ) {}

  /** Never throws: a refusal is answered whether or not its record could be written. */
  async record(kind: AuditKind, actor: Actor | null, letterId: string | null, detail: Record<string, unknown>): Promise<void> {
    const key = `${kind}\u0000${actor?.id ?? ''}\u0000${letterId ?? ''}`;
    const now = this.now();
    const open = this.windows.get(key);
    if (open && now < open.until) {
      open.unrecorded += 1;
      return;
    }
    this.forgetExpired(now);
    this.windows.set(key, { until: now + this.windowMs, unrecorded: 0 });
    const unrecorded = open?.unrecorded ?? 0;
    try {
      await this.store.audit.append([auditDraft(kind, actor, letterId, unrecorded > 0 ? { ...detail, unrecordedBefore: unrecorded } : detail)]);
    } catch (error) {
      this.logger.error({ err: error, kind, letterId }, 'could not record a refusal in the audit trail');
    }
  }

  private forgetExpired(now: number): void {
    if (this.windows.size < pruneAbove) return;
    for (const [key, window] of this.windows) if (window.until <= now) this.windows.delete(key);
  }
}
