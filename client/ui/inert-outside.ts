/**
 * Makes everything on the page but `element` inert (no focus, no clicks, hidden from screen
 * readers), as a modal drawer needs, and returns the function that undoes it. Elements that
 * were inert before stay inert.
 */
export function inertOutside(element: Element): () => void {
  const madeInert: Element[] = [];
  for (let current: Element | null = element; current && current !== document.body; current = current.parentElement) {
    for (const sibling of current.parentElement?.children ?? []) {
      if (sibling === current || sibling.hasAttribute('inert') || sibling.tagName === 'SCRIPT' || sibling.tagName === 'STYLE') continue;
      sibling.setAttribute('inert', '');
      madeInert.push(sibling);
    }
  }
  return () => {
    for (const sibling of madeInert) sibling.removeAttribute('inert');
  };
}
