/**
 * Sessions, as the auth plugin and other features use them (ending a person's sessions when
 * they are deactivated or their role changes). The table is auth's own.
 */
export {
  deleteExpiredSessions,
  deleteSession,
  deleteUserSessions,
  findSession,
  insertSession,
  touchSession,
} from './sessions.repository.js';
