import { randomBytes } from 'node:crypto';
import bcrypt from 'bcryptjs';

const COST = 12;
export const MIN_PASSWORD_LENGTH = 10;

/** bcrypt hash (cost 12); the clear password is never stored or logged. */
export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

/** Constant-time comparison via bcrypt. */
export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** A random password for generated accounts (about 96 bits, URL-safe). */
export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}

/** A bcrypt hash of a random value, compared against when an account does not exist, so timing does not reveal it. */
export const DUMMY_HASH = '$2b$12$C6UzMDM.H6dfI/f/IKcEeO5Z0P4ZxX6bYJYJxQbYkF/vQrZ7FvG0a';
