import type { Database } from '@pulse/db';
import type { ConversationMessage, ListedComment } from '@pulse/shared/api/conversations';
import { sql, type Kysely } from 'kysely';

/** A comment as a reply needs it: where it is shown, and its text. */
export interface CommentTarget {
  commentId: string;
  /**
   * The nearest team, from the comment's own up its cycle's tree, whose cell is visible: the
   * comment is listed there (and above), never with its own team named. Null when no such cell
   * exists, so the comment is shown nowhere.
   */
  shownIn: string | null;
  comment: string;
}

/** The comment (a response with a non-empty comment) matching `where`, and the team whose visible cell shows it. */
async function findTarget(db: Kysely<Database>, where: ReturnType<typeof sql>): Promise<CommentTarget | undefined> {
  const rows = await sql<CommentTarget>`
    with recursive target as (
      select comment_id, cycle_id, team_id, comment from responses
      where ${where} and comment is not null and comment <> ''
    ),
    lineage(team_id, depth) as (
      select team_id, 0 from target
      union all
      select ct.parent_id, l.depth + 1 from lineage l
      join cycle_tree ct on ct.team_id = l.team_id and ct.cycle_id = (select cycle_id from target)
      where ct.parent_id is not null
    )
    select t.comment_id as "commentId", t.comment,
      (select l.team_id from lineage l
        join team_cycle_stats s on s.team_id = l.team_id and s.cycle_id = t.cycle_id and not s.suppressed
        order by l.depth limit 1) as "shownIn"
    from target t`.execute(db);
  return rows.rows[0];
}

/** The comment listed under this id. */
export const findComment = (db: Kysely<Database>, commentId: string) => findTarget(db, sql`comment_id = ${commentId}`);

/** The comment whose conversation token has this hash. */
export const findConversation = (db: Kysely<Database>, conversationHash: string) =>
  findTarget(db, sql`conversation_hash = ${conversationHash}`);

const messageColumns = ['sender as from', 'body', sql<string>`to_char(sent_on, 'YYYY-MM-DD')`.as('at')] as const;

/** The conversation's messages, oldest first. */
export async function messagesOf(db: Kysely<Database>, commentId: string): Promise<ConversationMessage[]> {
  return db.selectFrom('conversation_messages').where('comment_id', '=', commentId).select(messageColumns).orderBy('id').execute();
}

/** Adds a message, dated to the day only. */
export async function addMessage(
  db: Kysely<Database>,
  commentId: string,
  from: ConversationMessage['from'],
  body: string,
  now: Date,
): Promise<ConversationMessage> {
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
    ? await db
        .selectFrom('conversation_messages')
        .where('comment_id', 'in', ids)
        .select(['comment_id', ...messageColumns])
        .orderBy('id')
        .execute()
    : [];
  return rows.rows.map((r) => ({ ...r, replies: messages.filter((m) => m.comment_id === r.id).map(({ comment_id: _, ...m }) => m) }));
}

/** Addresses of the active leaders of the team: whom a reply on its comment tells. */
export async function leaderAddresses(db: Kysely<Database>, teamId: string): Promise<{ email: string; language: string | null }[]> {
  const rows = await db
    .selectFrom('team_leaders as tl')
    .innerJoin('users as u', 'u.id', 'tl.user_id')
    .where('tl.team_id', '=', teamId)
    .where('u.active', '=', true)
    .select(['u.email', 'u.language'])
    .orderBy('u.email')
    .execute();
  return rows;
}
