import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { letterExtensions } from './editor-extensions.js';

let cached: Schema | null = null;

/** The ProseMirror schema of a letter's body, built once from the shared extensions. */
export function letterSchema(): Schema {
  cached ??= getSchema(letterExtensions());
  return cached;
}
