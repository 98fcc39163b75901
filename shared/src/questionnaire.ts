import { z } from 'zod';

export const constructs = ['autonomy', 'competence', 'relatedness', 'openness'] as const;
export const zConstruct = z.enum(constructs);
export type Construct = z.infer<typeof zConstruct>;

export const facets = ['satisfaction', 'frustration', 'behaviour'] as const;
export const zFacet = z.enum(facets);
export type Facet = z.infer<typeof zFacet>;

export const zScale = z.object({
  min: z.number().int(),
  max: z.number().int(),
  labels: z.array(z.string()),
});
export type Scale = z.infer<typeof zScale>;

export const zItem = z.object({
  id: z.string(),
  construct: zConstruct,
  facet: zFacet,
  text: z.string(),
  /** Scored as max + min − answer in its construct's score. Frustration items are reversed too. */
  reverse: z.boolean(),
  scale: zScale,
});
export type Item = z.infer<typeof zItem>;

/**
 * An item outside the four constructs: eNPS, or one of HR's own questions. It never enters a
 * construct's score or an alert; its answer is stored under its id like any other.
 */
export const zExtraItem = z.object({
  id: z.string(),
  kind: z.enum(['enps', 'custom']),
  text: z.string(),
  scale: zScale,
});
export type ExtraItem = z.infer<typeof zExtraItem>;

export const zQuestionnaire = z.object({
  version: z.number().int(),
  items: z.array(zItem),
  /** eNPS (when on) and HR's questions this respondent is asked, after the construct items. */
  extraItems: z.array(zExtraItem).optional(),
});
export type Questionnaire = z.infer<typeof zQuestionnaire>;

const agreement: Scale = {
  min: 1,
  max: 5,
  labels: ['Strongly disagree', 'Disagree', 'Neither', 'Agree', 'Strongly agree'],
};

type ItemSpec = Omit<Item, 'scale' | 'reverse'> & { reverse?: boolean };
const item = (spec: ItemSpec): Item => ({ reverse: spec.facet === 'frustration', ...spec, scale: agreement });

/**
 * Version 1 of the pulse: our own wording, not a published SDT scale.
 * Item ids are stable forever; a wording change makes a new version with new ids.
 */
const version1: Questionnaire = {
  version: 1,
  items: [
    item({ id: 'aut_say', construct: 'autonomy', facet: 'satisfaction', text: 'I have a real say in how I do my work.' }),
    item({ id: 'aut_values', construct: 'autonomy', facet: 'satisfaction', text: 'My work reflects what I value.' }),
    item({ id: 'aut_pushed', construct: 'autonomy', facet: 'frustration', text: 'I feel pushed into work I disagree with.' }),
    item({ id: 'com_well', construct: 'competence', facet: 'satisfaction', text: 'I can do my work well.' }),
    item({ id: 'com_grow', construct: 'competence', facet: 'satisfaction', text: 'I am growing in my work.' }),
    item({ id: 'com_crowded', construct: 'competence', facet: 'frustration', text: 'Incoming requests crowd out the work I am good at.' }),
    item({ id: 'rel_team', construct: 'relatedness', facet: 'satisfaction', text: 'I feel connected to the people in my team.' }),
    item({ id: 'rel_beyond', construct: 'relatedness', facet: 'satisfaction', text: 'I feel connected to people beyond my team.' }),
    item({
      id: 'rel_outsider',
      construct: 'relatedness',
      facet: 'frustration',
      text: 'I feel like an outsider in the wider organisation.',
    }),
    item({
      id: 'ope_yes',
      construct: 'openness',
      facet: 'behaviour',
      text: 'When other teams ask us for something, we look for a way to say yes.',
    }),
    item({
      id: 'ope_direct',
      construct: 'openness',
      facet: 'behaviour',
      text: 'We solve problems directly with other teams, without escalating.',
    }),
    item({ id: 'ope_values', construct: 'openness', facet: 'behaviour', text: 'We share values with the groups we serve.' }),
    item({
      id: 'ope_walls',
      construct: 'openness',
      facet: 'behaviour',
      text: 'Our team keeps other groups at arm’s length.',
      reverse: true,
    }),
  ],
};

export const questionnaires: ReadonlyMap<number, Questionnaire> = new Map([[1, version1]]);
export const currentQuestionnaire: Questionnaire = version1;

/** The questionnaire a stored response was given with; throws on an unknown version. */
export function questionnaireVersion(version: number): Questionnaire {
  const found = questionnaires.get(version);
  if (!found) throw new Error(`Unknown questionnaire version ${version}`);
  return found;
}

/** HR's questions use one of two scales. */
export const customScales = ['agreement', 'zero_to_ten'] as const;
export type CustomScale = (typeof customScales)[number];

/** 0–10 likelihood, as eNPS asks it; the numbers between the ends label themselves. */
export const zeroToTen: Scale = {
  min: 0,
  max: 10,
  labels: ['Not at all likely', ...Array.from({ length: 9 }, (_, i) => String(i + 1)), 'Extremely likely'],
};

/** The scale of a custom question. */
export const scaleOf = (scale: CustomScale): Scale => (scale === 'agreement' ? agreement : zeroToTen);

/** The eNPS item: its answer is stored as `answers.enps`, an integer 0–10. */
export const enpsItem: ExtraItem = {
  id: 'enps',
  kind: 'enps',
  text: 'How likely are you to recommend this team as a place to work to a friend?',
  scale: zeroToTen,
};
