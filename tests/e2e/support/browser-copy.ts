import type { Page } from '@playwright/test';

/**
 * Resolves once the browser has finished writing every letter copy it keeps (IndexedDB). A tab
 * killed a few milliseconds after the last keystroke loses what was not written yet, as a crash
 * would; a person closing a tab takes longer than that. A read transaction starts only after the
 * writes begun before it have finished, so its completion is the signal.
 */
export async function whenBrowserCopiesWritten(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const names = (await indexedDB.databases()).flatMap(({ name }) => (name?.startsWith('jointly-letter:') ? [name] : []));
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error(`cannot open ${name}`));
      });
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction(['updates'], 'readonly');
        transaction.objectStore('updates').count();
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error ?? new Error(`cannot read ${name}`));
      });
      db.close();
    }
  });
}

/** Removes the text generation kept with every letter copy, as in a copy kept before generations were recorded. */
export async function forgetCopyGenerations(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const names = (await indexedDB.databases()).flatMap(({ name }) => (name?.startsWith('jointly-letter:') ? [name] : []));
    for (const name of names) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(name);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error(`cannot open ${name}`));
      });
      await new Promise<void>((resolve, reject) => {
        const transaction = db.transaction(['custom'], 'readwrite');
        transaction.objectStore('custom').delete('text-generation');
        transaction.oncomplete = () => resolve();
        transaction.onerror = () => reject(transaction.error ?? new Error(`cannot write ${name}`));
      });
      db.close();
    }
  });
}
