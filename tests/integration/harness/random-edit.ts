import type * as Y from 'yjs';
import { bodyOf, newParagraph, textParagraphs } from './letter-body.js';
import type { SeededRandom } from './seeded-random.js';

/** One random edit of the kinds the editor makes: typing, deleting, new paragraphs, marks and links. */
export function editRandomly(doc: Y.Doc, random: SeededRandom): void {
  const paragraphs = textParagraphs(doc);
  const roll = random.next();
  if (paragraphs.length === 0 || roll < 0.12) {
    bodyOf(doc).insert(random.int(bodyOf(doc).length + 1), [newParagraph(`${random.word()} `)]);
    return;
  }
  const { paragraph, text } = random.pick(paragraphs);
  if (roll < 0.55) {
    text.insert(random.int(text.length + 1), `${random.word()} `);
  } else if (roll < 0.75) {
    if (text.length === 0) return;
    const start = random.int(text.length);
    text.delete(start, 1 + random.int(Math.min(8, text.length - start)));
  } else if (roll < 0.85) {
    if (text.length === 0) return;
    const start = random.int(text.length);
    const mark = random.pick(['bold', 'italic'] as const);
    text.format(start, 1 + random.int(text.length - start), { [mark]: random.chance(0.7) ? {} : null });
  } else if (roll < 0.93) {
    text.insert(random.int(text.length + 1), random.word(), { link: { href: `https://example.eu/${random.word()}` } });
  } else if (paragraphs.length > 2) {
    const body = bodyOf(doc);
    body.delete(body.toArray().indexOf(paragraph), 1);
  }
}
