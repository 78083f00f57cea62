import { unsafeCSS } from 'lit';

/**
 * The two widths at which the letter page changes its layout, for stylesheets (`@media
 * ${sideBySide}`) and scripts (`matchMedia`) alike, so both always agree on which layout is shown.
 */
export const layoutQuery = {
  /** Wide enough for the sign-off panel beside the letter; narrower, it becomes a drawer. */
  sideBySide: '(min-width: 80rem)',
  /** The sign-off panel is a drawer: the panel does not fit beside the letter. */
  drawer: '(max-width: 79.99rem)',
  /** A phone: the toolbars scroll away, sign-off marks sit above each paragraph, one office at a time. */
  phone: '(max-width: 39.99rem)',
} as const;

/** The same queries, ready to put after `@media` in a Lit `css` template. */
export const layoutMedia = {
  sideBySide: unsafeCSS(layoutQuery.sideBySide),
  drawer: unsafeCSS(layoutQuery.drawer),
  phone: unsafeCSS(layoutQuery.phone),
} as const;
