/**
 * Finding a person by email, for the sign-in features (password, reset links, SSO). Kept apart
 * from users.service, which itself mails set-password links through auth's tokens service.
 */
export { findUserByEmail } from './users.repository.js';
