import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import type { Signatory } from '../../../shared/api/letters.js';
import type { SignoffEntry } from '../../../shared/api/signoffs.js';
import { bodyFieldName } from '../../../shared/domain/editor-extensions.js';
import { letterSchema } from '../../../shared/domain/letter-schema.js';
import { paragraphHash } from '../../../shared/domain/paragraph-hash.js';
import { deriveSignoffState, tallyParagraph } from '../../../shared/domain/signoff-state.js';
import { currentParagraphs } from '../../../shared/domain/current-paragraphs.js';
import { letterBodyJson } from '../../../shared/domain/yjs-text-blocks.js';
import { buildSignoffGrid } from '../../../server/signoff/signoff-grid.js';
import { measure, type Timing } from '../measure.js';

export interface SignoffScenarioOptions {
  paragraphs: number;
  offices: number;
}

export interface SignoffScenarioResult {
  options: SignoffScenarioOptions;
  /** Reading every paragraph of the server's document and hashing it. */
  readParagraphs: Timing;
  /** Deriving the whole grid (every paragraph × every office) from current hashes and the latest acts. */
  deriveGrid: Timing;
  /** What an editor does per keystroke: re-hash the paragraph typed in and re-derive its states for every office. */
  perKeystroke: Timing;
}

const sentence = 'The ministers agree that a common answer at the external border serves every Member State. ';

/** A letter of `paragraphs` paragraphs of about 400 characters, and `offices` signatories who acted on most of them. */
function buildLetter({ paragraphs, offices }: SignoffScenarioOptions) {
  const content = Array.from({ length: paragraphs }, (_, i) => ({
    type: 'paragraph',
    attrs: { id: `p${i}` },
    content: [{ type: 'text', text: `${i}. ${sentence.repeat(4)}` }],
  }));
  const doc = prosemirrorJSONToYDoc(letterSchema(), { type: 'doc', content }, bodyFieldName);
  const signatories: Signatory[] = Array.from({ length: offices }, (_, i) => ({
    position: i,
    office: { id: `office-${i}`, name: `Office ${i}`, nameEn: `Office ${i}`, country: 'X', ministerName: 'M', ministerTitle: 'T', color: '#123456' },
    signerName: `Minister ${i}`,
    capacity: 'Minister',
  }));
  const hashes = currentParagraphs(doc).map((paragraph) => paragraph.hash);
  const signoffs: SignoffEntry[] = [];
  hashes.forEach((hash, p) => {
    signatories.forEach(({ office }, o) => {
      // Most approved, some of them since made stale, a few with changes requested, the rest pending.
      if ((p + o) % 10 === 9) return;
      const action = (p + o) % 10 === 8 ? 'request_changes' : 'approve';
      const seen = (p + o) % 10 === 7 ? '0'.repeat(64) : hash;
      signoffs.push({ paragraphId: `p${p}`, officeId: office.id, action, hash: seen, reason: action === 'approve' ? null : 'x', by: 'x', at: '' });
    });
  });
  return { doc, signatories, signoffs, content };
}

export function runSignoffScenario(options: SignoffScenarioOptions): SignoffScenarioResult {
  const { doc, signatories, signoffs, content } = buildLetter(options);
  const paragraphs = currentParagraphs(doc);
  const body = letterBodyJson(doc.getXmlFragment(bodyFieldName));
  const readParagraphs = measure(() => void currentParagraphs(doc), 50);
  const deriveGrid = measure(() => void buildSignoffGrid(paragraphs, body, signatories, signoffs), 50);

  const latestOfParagraph = new Map(signoffs.filter((entry) => entry.paragraphId === 'p100').map((entry) => [entry.officeId, entry]));
  const typed = structuredClone(content[100]!);
  let keystroke = 0;
  const perKeystroke = measure(() => {
    typed.content[0]!.text += String.fromCharCode(97 + (keystroke++ % 26));
    const hash = paragraphHash(typed);
    tallyParagraph(signatories.map(({ office }) => deriveSignoffState(latestOfParagraph.get(office.id), hash)));
  }, 2000);
  return { options, readParagraphs, deriveGrid, perKeystroke };
}
