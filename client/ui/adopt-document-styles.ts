import type { CSSResult } from 'lit';

/**
 * Adds a component's styles to the document or shadow root that holds it. Elements that render
 * into their light DOM (the shell, the letter page and the editor, because Tiptap misbehaves
 * inside shadow roots) get no Lit `static styles`, so they adopt their sheet here instead.
 * Constructed sheets also keep working under a CSP that forbids inline `<style>`.
 */
export function adoptDocumentStyles(element: Element, styles: CSSResult): void {
  const root = element.getRootNode();
  if (!(root instanceof Document || root instanceof ShadowRoot)) return;
  const sheet = styles.styleSheet;
  if (!sheet || root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
