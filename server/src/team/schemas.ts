// Request bodies of /v1/session, /v1/team and invitations, shared by the routes and the API reference.
import { z } from 'zod';
import { ROLES } from './members';

export const passwordSchema = z.string().min(10, 'must be at least 10 characters').max(1024);
export const emailSchema = z.string().trim().min(3).max(320).regex(/^[^\s@]+@[^\s@]+$/, 'must be an email address');

export const signInSchema = z.strictObject({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) });
export const passwordChangeSchema = z.strictObject({ current: z.string().min(1).max(1024), next: passwordSchema });
export const invitationSchema = z.strictObject({ email: emailSchema, role: z.enum(ROLES).default('member') });
export const acceptSchema = z.strictObject({ name: z.string().trim().min(1).max(200), password: passwordSchema });
