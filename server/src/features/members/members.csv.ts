import type { Role } from '@pulse/db';
import { isLanguage, isRole, languages, roles, type ErrorDetail, type Language } from '@pulse/shared';
import { z } from 'zod';
import { lineDetail, readCsvRecords } from '../../csv-records.js';

/** One valid row of a member CSV. `teamPath` is the team's path split at `/`, empty when none. */
export interface MemberCsvRow {
  line: number;
  email: string;
  name: string;
  team: string;
  teamPath: string[];
  role: Role;
  /** The optional `language` column; undefined when the file has none or leaves it empty (a person's language then stays as it is). */
  language?: Language;
}

export interface ParsedMemberCsv {
  rows: MemberCsvRow[];
  /** One entry per bad line, `path: "line N"` with the header as line 1. */
  errors: ErrorDetail[];
}

const REQUIRED = ['email', 'name', 'team'] as const;
const KNOWN = new Set(['email', 'name', 'team', 'role', 'language']);
const roleList = `${roles.slice(0, -1).join(', ')} or ${roles.at(-1)}`;
const zEmail = z.email();

function validateRow(fields: Record<string, string>): { problems: string[]; role: Role; teamPath: string[]; language?: Language } {
  const problems: string[] = [];
  const email = fields.email ?? '';
  if (!email) problems.push('The email is missing.');
  else if (email.length > 320 || !zEmail.safeParse(email).success) problems.push(`"${email}" is not a valid email address.`);
  const name = fields.name ?? '';
  if (!name) problems.push('The name is missing.');
  else if (name.length > 200) problems.push('The name is longer than 200 characters.');
  const rawRole = (fields.role ?? '').toLowerCase();
  const role = (rawRole || 'member') as Role;
  if (!isRole(role)) problems.push(`"${fields.role}" is not a role (${roleList}).`);
  const team = fields.team ?? '';
  const teamPath = team ? team.split('/').map((s) => s.trim()) : [];
  if (teamPath.some((s) => s === '')) problems.push(`The team path "${team}" has an empty part.`);
  else if (teamPath.some((s) => s.length > 100)) problems.push('A team name is longer than 100 characters.');
  if (!team && (role === 'member' || role === 'leader')) problems.push(`A ${role} needs a team.`);
  const rawLanguage = (fields.language ?? '').trim().toLowerCase();
  if (rawLanguage && !isLanguage(rawLanguage)) problems.push(`"${fields.language}" is not a language (${languages.join(', ')}).`);
  return { problems, role, teamPath, ...(isLanguage(rawLanguage) ? { language: rawLanguage } : {}) };
}

/**
 * Parses a member CSV (header `email,name,team,role,language`; role optional, default member;
 * language optional, `en`, `de` or `fr`) with a
 * BOM, quoted fields, CRLF or LF. Every problem is collected, one entry per line.
 */
export function parseMemberCsv(text: string): ParsedMemberCsv {
  const read = readCsvRecords(text);
  if ('unreadable' in read) return { rows: [], errors: [read.unreadable] };
  const [header, ...body] = read.records;
  if (!header) return { rows: [], errors: [lineDetail(1, ['The file is empty; the first line must be: email,name,team,role.'])] };
  const columns = header.fields.map((c) => c.toLowerCase());
  const headerProblems = [
    ...REQUIRED.filter((c) => !columns.includes(c)).map((c) => `The column "${c}" is missing.`),
    ...columns.filter((c) => !KNOWN.has(c)).map((c) => `"${c}" is not a known column.`),
    ...columns.filter((c, i) => columns.indexOf(c) !== i).map((c) => `The column "${c}" appears twice.`),
  ];
  if (headerProblems.length) return { rows: [], errors: [lineDetail(header.line, [...headerProblems, 'Expected: email,name,team,role.'])] };

  const rows: MemberCsvRow[] = [];
  const errors: ErrorDetail[] = [];
  const seen = new Map<string, number>();
  for (const { line, fields: record } of body) {
    const problems: string[] = [];
    if (record.length !== columns.length) problems.push(`Expected ${columns.length} fields, found ${record.length}.`);
    const fields = Object.fromEntries(columns.map((c, i) => [c, record[i] ?? '']));
    const checked = validateRow(fields);
    problems.push(...checked.problems);
    const key = (fields.email ?? '').toLowerCase();
    const earlier = seen.get(key);
    if (key && earlier !== undefined) problems.push(`The email is also on line ${earlier}.`);
    else if (key) seen.set(key, line);
    if (problems.length) {
      errors.push(lineDetail(line, problems));
      continue;
    }
    rows.push({
      line,
      email: fields.email!,
      name: fields.name!,
      team: checked.teamPath.join('/'),
      teamPath: checked.teamPath,
      role: checked.role,
      ...(checked.language ? { language: checked.language } : {}),
    });
  }
  return { rows, errors };
}
