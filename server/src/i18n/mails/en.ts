/**
 * Every mail's text in English, the source: ICU MessageFormat, formatted by intl-messageformat
 * (../mail-text.ts). Each other language is one file here with the same keys; a unit test names
 * any key, placeholder or plural a translation misses.
 */
export const en = {
  hello: 'Hello {name},',
  'pulse.invitation.subject': 'Your {label} pulse: two minutes, anonymous',
  'pulse.reminder.subject': 'Reminder: the {label} pulse closes soon',
  'pulse.invitation.opening': 'The {label} pulse for your team is open until {closes}. It takes about two minutes.',
  'pulse.reminder.opening':
    'The {label} pulse is still open until {closes}, and we have not heard from you yet. It takes about two minutes.',
  'pulse.link': 'Your personal link:',
  'pulse.privacy':
    'Your answers are stored without your name. Leaders see only the combined results of your team, and only when enough people have answered. The link is yours alone and works once: please do not forward it.',
  'pulse.reminder.ignore': 'If you answered in the last few minutes: thank you, please ignore this message.',
  'pulse.button': 'Answer the pulse',
  'pulse.closingTime': '{when} ({zone} time)',
  'account.invite.subject': 'You are invited to Pulse',
  'account.invite.body': '{inviter} invited you to Pulse, the team pulse dashboard.',
  'account.invite.hr': 'Your HR team',
  'account.invite.choose': 'Choose your password here (the link works once, for {days, plural, one {# day} other {# days}}):',
  'account.invite.signIn': 'Sign in afterwards at {url}',
  'account.reset.subject': 'Reset your Pulse password',
  'account.reset.body': 'Someone asked to reset the password of your Pulse account.',
  'account.reset.choose': 'Choose a new password here (the link works once, for {hours, plural, one {# hour} other {# hours}}):',
  'account.reset.notYou': 'If it was not you, ignore this message: your password stays as it is.',
  'note.subject': "A note from your team's leader about the {label} pulse",
  'note.footer':
    "Your team's results for {label} are on the page your personal pulse link opens (the link from the {label} invitation mail).",
  'conversation.subject': 'A new message on an anonymous comment of your team',
  'conversation.body':
    '{from, select, author {The author of a comment} hr {HR} other {A leader}} wrote on an anonymous comment of your team:',
  'conversation.footer': "The conversation is under the comment on your team's comments.",
  'digest.subject.alerts':
    '{organisation, select, yes {Organisation digest} other {Your teams}}: {count, plural, one {# alert} other {# alerts}} new or escalated after the {label} pulse',
  'digest.subject.overdue': 'Your actions: {count, plural, one {# overdue action} other {# overdue actions}} after the {label} pulse',
  'digest.closed': 'The {label} pulse has closed.',
  'digest.intro':
    'The {label} pulse has closed. New or escalated alerts {organisation, select, yes {in the organisation} other {for the teams you lead}}:',
  'digest.outro':
    'Figures come only from groups large enough to show. Open the team view for the whole explanation, the partners’ view and suggested actions.',
  'digest.lateIntro': 'Actions you own that are past their due date (mark them done, drop them with a reason, or set a new date):',
  'digest.lateLine': '{team}: “{title}”, due {due}.',
  'digest.teams.title': '{team}: new or escalated alerts after the {label} pulse',
  'chat.connected': 'Pulse is connected: invitations, reminders and digests will reach you here.',
  'digest.teamView': 'Team view',
  'digest.line': '{team}: {kind}, {level}. {what}.',
  'digest.noFigures': 'Too few responses this cycle to quote any figure',
  'digest.kind.fortress': 'fortress of no',
  'digest.kind.pressure': 'pressure',
  'digest.kind.need_drop': 'a need fell',
  'digest.kind.participation': 'participation fell',
  'digest.level.watch': 'watch',
  'digest.level.warning': 'warning',
  'digest.level.critical': 'critical',
  'digest.signal.participation': 'response rate {change, plural, =0 {unchanged} one {+# percentage point} other {+# percentage points}}',
  'digest.signal.participationDown': 'response rate {change, plural, one {−# percentage point} other {−# percentage points}}',
  'digest.signal.partner': 'partners’ view of its responsiveness {change, plural, =0 {unchanged} one {+# point} other {+# points}}',
  'digest.signal.partnerDown': 'partners’ view of its responsiveness {change, plural, one {−# point} other {−# points}}',
  'digest.signal.construct':
    '{construct, select, autonomy {autonomy} competence {competence} relatedness {relatedness} openness {openness} other {{construct}}}{frustration, select, yes { frustration} other {}} {change, plural, =0 {unchanged} one {+# point} other {+# points}}',
  'digest.signal.constructDown':
    '{construct, select, autonomy {autonomy} competence {competence} relatedness {relatedness} openness {openness} other {{construct}}}{frustration, select, yes { frustration} other {}} {change, plural, one {−# point} other {−# points}}',
} as const;

export type MailKey = keyof typeof en;
