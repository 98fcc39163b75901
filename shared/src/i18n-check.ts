import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';

const typeNames: Partial<Record<TYPE, string>> = {
  [TYPE.argument]: 'argument',
  [TYPE.number]: 'number',
  [TYPE.date]: 'date',
  [TYPE.time]: 'time',
  [TYPE.select]: 'select',
  [TYPE.plural]: 'plural',
};

function collect(elements: MessageFormatElement[], into: Set<string>): void {
  for (const element of elements) {
    if (!('value' in element) || !typeNames[element.type]) {
      if (element.type === TYPE.tag) collect(element.children, into);
      continue;
    }
    const name = String(element.value);
    into.add(`${name}: ${element.type === TYPE.plural && element.pluralType === 'ordinal' ? 'selectordinal' : typeNames[element.type]}`);
    if (element.type === TYPE.select) into.add(`${name}: select options ${Object.keys(element.options).sort().join(' ')}`);
    if (element.type === TYPE.select || element.type === TYPE.plural) {
      if (element.type === TYPE.plural && !('other' in element.options)) into.add(`${name}: plural WITHOUT other`);
      for (const option of Object.values(element.options)) collect(option.value, into);
    }
  }
}

/**
 * What a translation must keep of an ICU message: each argument with its kind (plain, number,
 * date, plural, select) and each select's options. Plural categories may differ (French has
 * `many`, German not), but every plural needs `other`. Throws on a syntax error.
 */
export function messageSignature(message: string): string[] {
  const into = new Set<string>();
  collect(parse(message, { ignoreTag: true }), into);
  return [...into].sort();
}

/**
 * Every problem of `translation` against `source`: a missing key, a key the source does not
 * have, an ICU syntax error, or arguments that differ. Each line names the key.
 */
export function catalogueProblems(
  source: Readonly<Record<string, string>>,
  translation: Readonly<Record<string, string | undefined>>,
): string[] {
  const problems: string[] = [];
  for (const [key, english] of Object.entries(source)) {
    const own = translation[key];
    if (own === undefined) {
      problems.push(`missing key "${key}" (English: ${JSON.stringify(english)})`);
      continue;
    }
    try {
      const want = messageSignature(english).join('; ');
      const got = messageSignature(own).join('; ');
      if (want !== got) problems.push(`"${key}" has placeholders [${got}] where the English has [${want}]`);
    } catch (error) {
      problems.push(`"${key}" is not valid ICU MessageFormat: ${(error as Error).message}`);
    }
  }
  for (const key of Object.keys(translation)) if (!(key in source)) problems.push(`"${key}" is not a key of the English catalogue`);
  return problems;
}
