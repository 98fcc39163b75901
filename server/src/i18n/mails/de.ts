import type { MailCatalogue } from '../mail-text.js';

/** German mails ("Sie"). Same keys, placeholders, plurals and selects as ./en.ts. */
export const de: MailCatalogue = {
  hello: 'Guten Tag {name},',
  'pulse.invitation.subject': 'Ihre Pulsbefragung {label}: zwei Minuten, anonym',
  'pulse.reminder.subject': 'Erinnerung: Die Pulsbefragung {label} endet bald',
  'pulse.invitation.opening': 'Die Pulsbefragung {label} für Ihr Team ist offen bis {closes}. Sie dauert etwa zwei Minuten.',
  'pulse.reminder.opening':
    'Die Pulsbefragung {label} ist noch offen bis {closes}, und wir haben noch nichts von Ihnen gehört. Sie dauert etwa zwei Minuten.',
  'pulse.link': 'Ihr persönlicher Link:',
  'pulse.privacy':
    'Ihre Antworten werden ohne Ihren Namen gespeichert. Führungskräfte sehen nur die zusammengefassten Ergebnisse Ihres Teams, und erst, wenn genug Personen geantwortet haben. Der Link gehört nur Ihnen und funktioniert einmal: Bitte leiten Sie ihn nicht weiter.',
  'pulse.reminder.ignore': 'Falls Sie in den letzten Minuten geantwortet haben: Danke, bitte ignorieren Sie diese Nachricht.',
  'pulse.button': 'Zur Pulsbefragung',
  'pulse.closingTime': '{when} (Zeitzone {zone})',
  'account.invite.subject': 'Ihre Einladung zu Pulse',
  'account.invite.body': '{inviter} hat Sie zu Pulse eingeladen, dem Dashboard für Pulsbefragungen im Team.',
  'account.invite.hr': 'Ihre Personalabteilung',
  'account.invite.choose': 'Wählen Sie hier Ihr Passwort (der Link funktioniert einmal, {days, plural, one {# Tag} other {# Tage}} lang):',
  'account.invite.signIn': 'Danach melden Sie sich an unter {url}',
  'account.reset.subject': 'Ihr Pulse-Passwort zurücksetzen',
  'account.reset.body': 'Jemand hat darum gebeten, das Passwort Ihres Pulse-Kontos zurückzusetzen.',
  'account.reset.choose':
    'Wählen Sie hier ein neues Passwort (der Link funktioniert einmal, {hours, plural, one {# Stunde} other {# Stunden}} lang):',
  'account.reset.notYou': 'Falls Sie das nicht waren, ignorieren Sie diese Nachricht: Ihr Passwort bleibt, wie es ist.',
  'note.subject': 'Eine Notiz Ihrer Führungskraft zur Pulsbefragung {label}',
  'note.footer':
    'Die Ergebnisse Ihres Teams für {label} stehen auf der Seite, die Ihr persönlicher Link zur Pulsbefragung öffnet (der Link aus der Einladung zu {label}).',
  'conversation.subject': 'Eine neue Nachricht zu einem anonymen Kommentar Ihres Teams',
  'conversation.body':
    '{from, select, author {Die verfassende Person eines Kommentars} hr {Die Personalabteilung} other {Eine Führungskraft}} hat zu einem anonymen Kommentar Ihres Teams geschrieben:',
  'conversation.footer': 'Das Gespräch steht unter dem Kommentar bei den Kommentaren Ihres Teams.',
  'digest.subject.alerts':
    '{organisation, select, yes {Überblick der Organisation} other {Ihre Teams}}: {count, plural, one {# neue oder verschärfte Frühwarnung} other {# neue oder verschärfte Frühwarnungen}} nach der Pulsbefragung {label}',
  'digest.subject.overdue':
    'Ihre Maßnahmen: {count, plural, one {# überfällige Maßnahme} other {# überfällige Maßnahmen}} nach der Pulsbefragung {label}',
  'digest.closed': 'Die Pulsbefragung {label} ist beendet.',
  'digest.intro':
    'Die Pulsbefragung {label} ist beendet. Neue oder verschärfte Frühwarnungen {organisation, select, yes {in der Organisation} other {für die Teams, die Sie führen}}:',
  'digest.outro':
    'Zahlen stammen nur aus Gruppen, die groß genug sind, um sie zu zeigen. Öffnen Sie die Teamansicht für die ganze Erklärung, die Sicht der Partner und Vorschläge für Maßnahmen.',
  'digest.lateIntro':
    'Maßnahmen, für die Sie verantwortlich sind und die überfällig sind (als erledigt markieren, mit Begründung verwerfen oder ein neues Datum setzen):',
  'digest.lateLine': '{team}: „{title}“, fällig am {due}.',
  'digest.teams.title': '{team}: neue oder verschärfte Frühwarnungen nach der Pulsbefragung {label}',
  'chat.connected': 'Pulse ist verbunden: Einladungen, Erinnerungen und Überblicke erreichen Sie hier.',
  'digest.teamView': 'Teamansicht',
  'digest.line': '{team}: {kind}, {level}. {what}.',
  'digest.noFigures': 'Zu wenige Antworten in dieser Runde, um eine Zahl zu nennen',
  'digest.kind.fortress': 'Festung des Neins',
  'digest.kind.pressure': 'Druck',
  'digest.kind.need_drop': 'ein Bedürfnis ist gesunken',
  'digest.kind.participation': 'die Beteiligung ist gesunken',
  'digest.level.watch': 'beobachten',
  'digest.level.warning': 'Warnung',
  'digest.level.critical': 'kritisch',
  'digest.signal.participation': 'Rücklaufquote {change, plural, =0 {unverändert} one {+# Prozentpunkt} other {+# Prozentpunkte}}',
  'digest.signal.participationDown': 'Rücklaufquote {change, plural, one {−# Prozentpunkt} other {−# Prozentpunkte}}',
  'digest.signal.partner': 'Ansprechbarkeit aus Sicht der Partner {change, plural, =0 {unverändert} one {+# Punkt} other {+# Punkte}}',
  'digest.signal.partnerDown': 'Ansprechbarkeit aus Sicht der Partner {change, plural, one {−# Punkt} other {−# Punkte}}',
  'digest.signal.construct':
    '{frustration, select, yes {{construct, select, autonomy {Autonomiefrustration} competence {Kompetenzfrustration} relatedness {Verbundenheitsfrustration} openness {Offenheitsfrustration} other {{construct}}}} other {{construct, select, autonomy {Autonomie} competence {Kompetenz} relatedness {Verbundenheit} openness {Offenheit} other {{construct}}}}} {change, plural, =0 {unverändert} one {+# Punkt} other {+# Punkte}}',
  'digest.signal.constructDown':
    '{frustration, select, yes {{construct, select, autonomy {Autonomiefrustration} competence {Kompetenzfrustration} relatedness {Verbundenheitsfrustration} openness {Offenheitsfrustration} other {{construct}}}} other {{construct, select, autonomy {Autonomie} competence {Kompetenz} relatedness {Verbundenheit} openness {Offenheit} other {{construct}}}}} {change, plural, one {−# Punkt} other {−# Punkte}}',
};
