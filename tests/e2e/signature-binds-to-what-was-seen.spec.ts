import { expect, test, type WebSocketRoute } from '@playwright/test';
import { openPerson, startLetterInReview } from './support/sign-off-journey.js';
import { saveStatus, saveStatusText, uniqueText } from './support/workspace.js';

test('F1 C3 a signatory change between the approver’s view and her click is refused, and she signs what she then sees', async ({ browser }) => {
  test.info().setTimeout(120_000);
  const helena = await openPerson(browser, 'helena@fi-interior.example');
  const aino = await openPerson(browser, 'aino@fi-interior.example');

  const letterUrl = await startLetterInReview(helena, {
    title: uniqueText('Letter signed as seen'),
    officeIds: new Set(['fi-interior']),
    paragraphs: [uniqueText('We support the common return policy')],
  });

  // Aino's news from the server can be held back, as on a slow network: her page then shows an older letter.
  let isHeld = false;
  const held: { route: WebSocketRoute; message: string | Buffer }[] = [];
  await aino.routeWebSocket(/\/sync\//, (route) => {
    const server = route.connectToServer();
    route.onMessage((message) => server.send(message));
    server.onMessage((message) => (isHeld ? held.push({ route, message }) : route.send(message)));
  });
  await aino.goto(letterUrl);
  await expect(saveStatus(aino)).toHaveText(saveStatusText.saved);
  await aino.getByRole('button', { name: 'Approve every pending paragraph for Finland' }).click();
  await aino.getByRole('dialog', { name: 'Approve 1 paragraph for Finland?' }).getByRole('button', { name: 'Approve 1 paragraph' }).click();
  await expect(aino.getByText('1 paragraph approved for Finland.')).toBeVisible();
  await helena.getByRole('button', { name: 'Mark ready to sign' }).click();
  await expect(aino.getByText('Status: Ready to sign')).toBeVisible();
  const signatures = aino.getByRole('region', { name: 'Signatures' });
  const oldSigner = (await signatures.locator('.signer').first().textContent())!.trim();

  // C3: while the letter is ready nobody can change its signatories; the coordinator goes back to review first.
  await expect(helena.getByText('Status: Ready to sign')).toBeVisible();
  await expect(helena.getByRole('button', { name: 'Edit the signatory for Finland' })).toHaveCount(0);
  isHeld = true;
  await helena.getByRole('button', { name: 'Back to review' }).click();
  await helena.getByRole('button', { name: 'Edit the signatory for Finland' }).click();
  await helena.getByLabel('Signing person for Finland').fill('Deputy Minister Tuula Virtanen');
  await helena.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(helena.getByRole('region', { name: 'Signatures' })).toContainText('Deputy Minister Tuula Virtanen');
  await helena.getByRole('button', { name: 'Mark ready to sign' }).click();
  await expect(helena.getByText('Status: Ready to sign')).toBeVisible();

  // Aino's page still shows the old signatory when she clicks: nothing is signed, and she is told why.
  await expect(signatures).toContainText(oldSigner);
  await aino.getByRole('button', { name: 'Sign the letter for Finland' }).click();
  await expect(aino.getByRole('alert')).toContainText('its text or its signatories changed since your page showed them');
  await expect(aino.getByText(/Signed by Aino/)).toHaveCount(0);

  // The news arrives; she signs the letter as it now stands, and it is signed.
  isHeld = false;
  for (const { route, message } of held.splice(0)) route.send(message);
  await expect(signatures).toContainText('Deputy Minister Tuula Virtanen');
  await aino.getByRole('button', { name: 'Sign the letter for Finland' }).click();
  await expect(aino.getByText(/Signed by Aino/)).toBeVisible();
  await expect(helena.getByText('Status: Signed')).toBeVisible();

  for (const page of [helena, aino]) await page.context().close();
});
