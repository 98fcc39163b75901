import type { Database } from '@pulse/db';
import type { ConversationMessage, ListedComment } from '@pulse/shared/api/conversations';
import { sql, type Kysely } from 'kysely';

/** A comment as a reply needs it: its cycle and team (to check scope and the cell), and its text. */
export interface CommentTarget {
  commentId: string;
  cycleId: string;
  teamId: string;
  comment: string;
  /** Whether the comment's own team has a visible cell in its cycle. */
  visible: boolean;
}

const withComment = (db: Kysely<Database>) =>
  db
    .selectFrom('responses as r')
    .leftJoin('team_cycle_stats as s', (join) => join.onRef('s.cycle_id', '=', 'r.cycle_id').onRef('s.team_id', '=', 'r.team_id'))
    .where('r.comment', 'is not', null)
    .where('r.comment', '<>', '')
    .select(['r.comment_id as commentId', 'r.cycle_id as cycleId', 'r.team_id as teamId', 'r.comment', 's.suppressed']);

const toTarget = (row: { commentId: string; cycleId: string; teamId: string; comment: string | null; suppressed: boolean | null }): CommentTarget => ({
  commentId: row.commentId,
  cycleId: row.cycleId,
  teamId: row.teamId,
  comment: row.comment!,
  visible: row.suppressed === false,
});

/** The comment listed under this id. */
export async function findComment(db: Kysely<Database>, commentId: string): Promise<CommentTarget | undefined> {
  const row = await withComment(db).where('r.comment_id', '=', commentId).executeTakeFirst();
  return row && toTarget(row);
}

/** The comment whose conversation token has this hash. */
export async function findConversation(db: Kysely<Database>, conversationHash: string): Promise<CommentTarget | undefined> {
  const row = await withComment(db).where('r.conversation_hash', '=', conversationHash).executeTakeFirst();
  return row && toTarget(row);
}

const messageColumns = ['sender as from', 'body', sql<string>`to_char(sent_on, 'YYYY-MM-DD')`.as('at')] as const;

/** The conversation's messages, oldest first. */
export async function messagesOf(db: Kysely<Database>, commentId: string): Promise<ConversationMessage[]> {
  return db.selectFrom('conversation_messages').where('comment_id', '=', commentId).select(messageColumns).orderBy('id').execute();
}

/** Adds a message, dated to the day only. */
export async function addMessage(db: Kysely<Database>, commentId: string, from: ConversationMessage['from'], body: string, now: Date): Promise<ConversationMessage> {
  return db
    .insertInto('conversation_messages')
    .values({ comment_id: commentId, sender: from, body, sent_on: now.toISOString().slice(0, 10) })
    .returning(messageColumns)
    .executeTakeFirstOrThrow();
}

/** Comments of every response in a team's subtree as it was when the cycle closed, with their conversations; sorted by text, so the order tells nothing. */
export async function subtreeComments(db: Kysely<Database>, cycleId: string, teamId: string): Promise<ListedComment[]> {
  const rows = await sql<{ id: string; text: string }>`
    with recursive subtree(id) as (
      select ${teamId}::uuid
      union
      select ct.team_id from cycle_tree ct join subtree s on ct.parent_id = s.id where ct.cycle_id = ${cycleId}
    )
    select comment_id as id, comment as text from responses
    where cycle_id = ${cycleId} and team_id in (select id from subtree) and comment is not null and comment <> ''
    order by comment, comment_id`.execute(db);
  const ids = rows.rows.map((r) => r.id);
  const messages = ids.length
    ? await db.selectFrom('conversation_messages').where('comment_id', 'in', ids).select(['comment_id', ...messageColumns]).orderBy('id').execute()
    : [];
  return rows.rows.map((r) => ({ ...r, replies: messages.filter((m) => m.comment_id === r.id).map(({ comment_id: _, ...m }) => m) }));
}

/** Addresses of the active leaders of the team: whom a reply on its comment tells. */
export async function leaderAddresses(db: Kysely<Database>, teamId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('team_leaders as tl')
    .innerJoin('users as u', 'u.id', 'tl.user_id')
    .where('tl.team_id', '=', teamId)
    .where('u.active', '=', true)
    .select('u.email')
    .orderBy('u.email')
    .execute();
  return rows.map((r) => r.email);
}
