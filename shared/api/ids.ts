import { z } from 'zod';

/** Letters, users and sessions are identified by UUIDs. */
export const uuidSchema = z.uuid();

/** Offices have short readable ids such as `fi-interior`. */
export const officeIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'not an office id');
