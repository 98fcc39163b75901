import type { MailCatalogue } from '../mail-text.js';

/** French mails ("vous"). Same keys, placeholders, plurals and selects as ./en.ts. */
export const fr: MailCatalogue = {
  hello: 'Bonjour {name},',
  'pulse.invitation.subject': 'Votre sondage {label} : deux minutes, anonyme',
  'pulse.reminder.subject': 'Rappel : le sondage {label} se termine bientôt',
  'pulse.invitation.opening': 'Le sondage {label} de votre équipe est ouvert jusqu’au {closes}. Il prend environ deux minutes.',
  'pulse.reminder.opening':
    'Le sondage {label} est encore ouvert jusqu’au {closes}, et nous n’avons pas encore reçu votre réponse. Il prend environ deux minutes.',
  'pulse.link': 'Votre lien personnel :',
  'pulse.privacy':
    'Vos réponses sont enregistrées sans votre nom. Les responsables ne voient que les résultats combinés de votre équipe, et seulement quand assez de personnes ont répondu. Ce lien n’appartient qu’à vous et ne sert qu’une fois : merci de ne pas le transférer.',
  'pulse.reminder.ignore': 'Si vous avez répondu il y a quelques minutes : merci, ne tenez pas compte de ce message.',
  'pulse.button': 'Répondre au sondage',
  'pulse.closingTime': '{when} (heure de {zone})',
  'account.invite.subject': 'Vous êtes invité à Pulse',
  'account.invite.body': '{inviter} vous invite à Pulse, le tableau de bord des sondages d’équipe.',
  'account.invite.hr': 'Votre équipe RH',
  'account.invite.choose':
    'Choisissez votre mot de passe ici (le lien fonctionne une fois, pendant {days, plural, one {# jour} other {# jours}}) :',
  'account.invite.signIn': 'Connectez-vous ensuite sur {url}',
  'account.reset.subject': 'Réinitialiser votre mot de passe Pulse',
  'account.reset.body': 'Quelqu’un a demandé à réinitialiser le mot de passe de votre compte Pulse.',
  'account.reset.choose':
    'Choisissez un nouveau mot de passe ici (le lien fonctionne une fois, pendant {hours, plural, one {# heure} other {# heures}}) :',
  'account.reset.notYou': 'Si ce n’était pas vous, ne tenez pas compte de ce message : votre mot de passe reste inchangé.',
  'note.subject': 'Un mot de votre responsable sur le sondage {label}',
  'note.footer':
    'Les résultats de votre équipe pour {label} se trouvent sur la page qu’ouvre votre lien personnel de sondage (le lien de l’e-mail d’invitation de {label}).',
  'conversation.subject': 'Un nouveau message sur un commentaire anonyme de votre équipe',
  'conversation.body':
    '{from, select, author {L’auteur d’un commentaire} hr {Les RH} other {Un responsable}} a écrit sur un commentaire anonyme de votre équipe :',
  'conversation.footer': 'La conversation se trouve sous le commentaire, parmi les commentaires de votre équipe.',
  'digest.subject.alerts':
    '{organisation, select, yes {Synthèse de l’organisation} other {Vos équipes}} : {count, plural, one {# alerte nouvelle ou aggravée} other {# alertes nouvelles ou aggravées}} après le sondage {label}',
  'digest.subject.overdue': 'Vos actions : {count, plural, one {# action en retard} other {# actions en retard}} après le sondage {label}',
  'digest.closed': 'Le sondage {label} est clos.',
  'digest.intro':
    'Le sondage {label} est clos. Alertes nouvelles ou aggravées {organisation, select, yes {dans l’organisation} other {pour les équipes que vous dirigez}} :',
  'digest.outro':
    'Les chiffres ne viennent que de groupes assez grands pour être montrés. Ouvrez la vue de l’équipe pour l’explication complète, l’avis des partenaires et les actions suggérées.',
  'digest.lateIntro':
    'Les actions dont vous êtes responsable et dont l’échéance est passée (marquez-les terminées, abandonnez-les avec une raison ou fixez une nouvelle date) :',
  'digest.lateLine': '{team} : « {title} », échéance le {due}.',
  'digest.teams.title': '{team} : alertes nouvelles ou aggravées après le sondage {label}',
  'chat.connected': 'Pulse est connecté : les invitations, les rappels et les synthèses vous parviendront ici.',
  'digest.teamView': 'Vue de l’équipe',
  'digest.line': '{team} : {kind}, {level}. {what}.',
  'digest.noFigures': 'Trop peu de réponses dans ce cycle pour citer un chiffre',
  'digest.kind.fortress': 'forteresse du non',
  'digest.kind.pressure': 'pression',
  'digest.kind.need_drop': 'un besoin a baissé',
  'digest.kind.participation': 'la participation a baissé',
  'digest.level.watch': 'à surveiller',
  'digest.level.warning': 'avertissement',
  'digest.level.critical': 'critique',
  'digest.signal.participation':
    'taux de réponse {change, plural, =0 {inchangé} one {+# point de pourcentage} other {+# points de pourcentage}}',
  'digest.signal.participationDown': 'taux de réponse {change, plural, one {−# point de pourcentage} other {−# points de pourcentage}}',
  'digest.signal.partner': 'réactivité selon les partenaires {change, plural, =0 {inchangée} one {+# point} other {+# points}}',
  'digest.signal.partnerDown': 'réactivité selon les partenaires {change, plural, one {−# point} other {−# points}}',
  'digest.signal.construct':
    '{frustration, select, yes {{construct, select, autonomy {frustration d’autonomie} competence {frustration de compétence} relatedness {frustration d’appartenance} openness {frustration d’ouverture} other {{construct}}}} other {{construct, select, autonomy {autonomie} competence {compétence} relatedness {appartenance} openness {ouverture} other {{construct}}}}} {change, plural, =0 {inchangée} one {+# point} other {+# points}}',
  'digest.signal.constructDown':
    '{frustration, select, yes {{construct, select, autonomy {frustration d’autonomie} competence {frustration de compétence} relatedness {frustration d’appartenance} openness {frustration d’ouverture} other {{construct}}}} other {{construct, select, autonomy {autonomie} competence {compétence} relatedness {appartenance} openness {ouverture} other {{construct}}}}} {change, plural, one {−# point} other {−# points}}',
};
