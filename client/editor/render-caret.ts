import { t } from '../i18n/translate.js';
import { readableTextColor } from '../ui/readable-text-color.js';

/** The part of an awareness `user` the caret draws. The server fills it from the session. */
interface CaretUser {
  name?: unknown;
  color?: unknown;
}

const fallbackColor = '#48515c';

function caretColor(user: CaretUser): string {
  return typeof user.color === 'string' && /^#[0-9a-f]{6}$/i.test(user.color) ? user.color : fallbackColor;
}

/**
 * Another person's caret: a bar in their office colour with their name above it. The name's
 * text colour is picked for contrast, since office colours range from navy to yellow. Styles are
 * set through the CSSOM, which a strict Content-Security-Policy still allows. The caret is hidden
 * from screen readers so it does not break up the letter text they read; the presence list names
 * who is here instead. A long name is cut with an ellipsis; the label's title holds all of it.
 */
export function renderCaret(user: CaretUser): HTMLElement {
  const color = caretColor(user);
  const caret = document.createElement('span');
  caret.classList.add('collaboration-carets__caret');
  caret.setAttribute('aria-hidden', 'true');
  caret.style.borderColor = color;

  const label = document.createElement('span');
  label.classList.add('collaboration-carets__label');
  label.style.backgroundColor = color;
  label.style.color = readableTextColor(color);
  label.textContent = typeof user.name === 'string' && user.name ? user.name : t('editor.someone');
  // The label is cut to a width (jl-editor's styles); the whole name stays in its title.
  label.title = label.textContent;
  caret.append(label);
  return caret;
}
