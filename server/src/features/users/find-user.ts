/**
 * Finding a person by email or id, for the sign-in features (password, reset links, SSO). Kept apart
 * from users.service, which itself mails set-password links through auth's tokens service.
 */
export { findUserByEmail, findUserById } from './users.repository.js';
