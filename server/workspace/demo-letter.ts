import { randomUUID } from 'node:crypto';
import type { JSONContent } from '@tiptap/core';

const paragraph = (text: string, bold?: string): JSONContent => ({
  type: 'paragraph',
  attrs: { id: randomUUID() },
  content: bold
    ? [{ type: 'text', text: bold, marks: [{ type: 'bold' }] }, { type: 'text', text }]
    : [{ type: 'text', text }],
});

const heading = (text: string): JSONContent => ({
  type: 'heading',
  attrs: { id: randomUUID(), level: 2 },
  content: [{ type: 'text', text }],
});

const bulletList = (items: string[]): JSONContent => ({
  type: 'bulletList',
  content: items.map((text) => ({ type: 'listItem', content: [paragraph(text)] })),
});

export const demoLetterTitle = 'Joint letter on the instrumentalisation of migration';
export const demoLetterSubject = 'Answering together when migration is used as a means of pressure on our borders';
export const demoLetterAddressees = [
  'The President of the European Commission',
  'The Commissioner for Internal Affairs and Migration',
];

/** The demo letter's body, written for this workspace. Every paragraph carries its own id. */
export function demoLetterBody(): JSONContent {
  return {
    type: 'doc',
    content: [
      paragraph('Dear President, dear Commissioner,'),
      paragraph(
        'We write to you as the ministers responsible for internal security and migration in eight states ' +
          'along the northern and eastern external border of the Union. The pressure we face is shared, ' +
          'and so should be the answer.',
      ),
      heading('What we see at our borders'),
      paragraph(
        'Hostile governments have arranged the travel of people towards our borders, not to offer them ' +
          'protection but to test our resolve and to divide our societies. People are being used as tools. ' +
          'This is a threat to our security as much as a humanitarian concern.',
      ),
      heading('What we ask of the Commission'),
      bulletList([
        'A legal framework that lets a Member State respond quickly when migration is deliberately turned against it, with full respect for fundamental rights.',
        'Lasting financial support for the protection of the external border, including surveillance and infrastructure.',
        'Firm measures against carriers and intermediaries who knowingly take part in such operations.',
      ]),
      heading('Our commitment'),
      paragraph(
        ' We stand by the right to asylum and by our international obligations. For that very reason we ' +
          'cannot let those rights be exploited by those who wish us harm.',
        'We remain committed.',
      ),
      paragraph(
        'We would welcome the opportunity to discuss these proposals with you at the next meeting of the ' +
          'Justice and Home Affairs Council.',
      ),
      paragraph('Yours sincerely,'),
    ],
  };
}
