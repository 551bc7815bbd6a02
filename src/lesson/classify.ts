import { CELL_LANGUAGES, type CellAttrs, type CellLanguage, type ExerciseLanguage } from './types';
import type { Fence } from './fences';
import {
  bareIdGuess,
  bareValueGuess,
  checkAttributes,
  checkCompanionAttributes,
  CELL_ATTRIBUTES,
  COMPANION_ATTRIBUTES,
  isCellLanguage,
  parseInfoString,
  toAttrs,
  type Attribute,
} from './attributes';
import { closest } from './suggest';

// Decides what a fence is: a runnable cell, an exercise, a companion of an
// exercise (its solution, checks or a hint), or part of the prose. This is the
// one place a new role gets added.

/** The parts of an exercise that live in their own fences, named by `for=`. */
export type CompanionPart = 'solution' | 'checks' | 'hint';

export type FenceRole =
  | { role: 'prose' }
  /** A runnable cell; `id` is undefined when the fence lacks one (already reported). */
  | { role: 'cell'; kind: CellLanguage; id: string | undefined; attrs: CellAttrs }
  /** ```sql exercise id=x: the starter code of an exercise. */
  | { role: 'exercise'; language: ExerciseLanguage; id: string | undefined; attrs: CellAttrs }
  /**
   * ```sql solution for=x, ```yaml checks for=x, ```hint for=x: hidden parts of
   * exercise x, never prose. `language` is the fence's language (for solutions,
   * the exercise's must match); `target` is undefined when for= is missing.
   */
  | { role: 'companion'; part: CompanionPart; language: string; target: string | undefined; attrs: CellAttrs };

export interface Classified {
  role: FenceRole;
  /** Messages about the opening fence line. */
  problems: string[];
}

/** Names authors reach for that mean a cell language. */
const LANGUAGE_ALIASES: Readonly<Record<string, CellLanguage>> = {
  javascript: 'js',
  mjs: 'js',
  sqlite: 'sql',
};

const PROSE: FenceRole = { role: 'prose' };

const COMPANION_FORMS = '```sql solution for=x, ```js solution for=x, ```yaml checks for=x or ```hint for=x';

const has = (attributes: readonly Attribute[], key: string): boolean => attributes.some((a) => a.key === key);

export function classifyFence(fence: Fence): Classified {
  const info = parseInfoString(fence.info);
  const { language, attributes } = info;

  if (isCellLanguage(language)) return classifyCellFence(fence, language, info.problems, attributes);
  if (language === 'hint' || (language === 'yaml' && (has(attributes, 'checks') || has(attributes, 'for')))) {
    return classifyCompanionFence(fence, language, info.problems, attributes);
  }
  return { role: PROSE, problems: nearMissProblems(fence, language, attributes) };
}

function classifyCellFence(fence: Fence, language: CellLanguage, syntax: string[], attributes: readonly Attribute[]): Classified {
  const opening = `${fence.marker}${language}`;
  const problems = [...syntax, ...checkAttributes(language, attributes)];
  const attrs = toAttrs(attributes);
  const exercise = attrs['exercise'] === true;
  const solution = attrs['solution'] === true;

  if (attrs['static'] === true) {
    if (exercise || solution) {
      const flag = exercise ? 'exercise' : 'solution';
      problems.push(`'static' shows the block as an example, so it cannot also be ${flag === 'exercise' ? 'an exercise' : 'a solution'} — remove static or ${flag}`);
    }
    return { role: PROSE, problems };
  }

  if (fence.indent > 0) {
    const what = exercise ? 'an exercise' : solution ? 'a solution' : `a ${language} cell`;
    problems.push(
      `${what} fence must start at the beginning of the line — remove the ${fence.indent === 1 ? 'space' : `${fence.indent} spaces`} before ${fence.marker}, or add static to show it as an example`,
    );
    return { role: PROSE, problems };
  }

  if (exercise && solution) {
    problems.push(`a fence is either an exercise (the starter code, with id=) or a solution (with for=), not both — remove ${'for' in attrs ? 'exercise' : 'solution'}`);
  }

  if (solution && (!exercise || 'for' in attrs)) {
    // Only sql and js take these flags, so language is an exercise language here.
    if ('id' in attrs) {
      problems.push(`a solution fence takes no id — remove id=${String(attrs['id'])}; for= names the exercise it solves`);
    }
    const target = attrs['for'];
    if (!('for' in attrs) && bareValueGuess(CELL_ATTRIBUTES[language], attributes) === undefined) {
      problems.push(`a solution fence needs for= — name the exercise it solves: ${opening} solution for=exercise-id`);
    }
    return {
      role: { role: 'companion', part: 'solution', language, target: typeof target === 'string' ? target : undefined, attrs },
      problems,
    };
  }

  if ('for' in attrs) {
    problems.push(`for= belongs on an exercise's solution fence — write ${opening} solution for=${String(attrs['for'])}, or remove for=`);
  }

  const id = attrs['id'];
  // When a bare word looks like the id, the attribute message already says "did you mean id=...".
  if (!('id' in attrs) && bareIdGuess(language, attributes) === undefined) {
    problems.push(
      exercise
        ? `exercise has no id — add id=some-name after ${opening} exercise (solution, checks and hints name it with for=)`
        : `${language} cell has no id — add id=some-name after ${opening} (or add static to show it as an example)`,
    );
  }
  const cellId = typeof id === 'string' ? id : undefined;
  if (exercise && (language === 'sql' || language === 'js' || language === 'pipeline')) {
    return { role: { role: 'exercise', language, id: cellId, attrs }, problems };
  }
  // CELL_ATTRIBUTES gives chart no exercise flag, so that case was reported as an unknown attribute.
  return { role: { role: 'cell', kind: language, id: cellId, attrs }, problems };
}

function classifyCompanionFence(
  fence: Fence,
  language: 'yaml' | 'hint',
  syntax: string[],
  attributes: readonly Attribute[],
): Classified {
  const opening = language === 'yaml' ? `${fence.marker}yaml checks` : `${fence.marker}hint`;
  const problems = [...syntax, ...checkCompanionAttributes(language, attributes)];
  const attrs = toAttrs(attributes);
  if (language === 'yaml' && !('checks' in attrs)) {
    problems.push(`a yaml fence with for= holds an exercise's checks — add checks: ${opening} for=${String(attrs['for'] ?? 'exercise-id')}`);
  }
  if (fence.indent > 0) {
    problems.push(
      `${language === 'yaml' ? 'a checks' : 'a hint'} fence must start at the beginning of the line — remove the ${fence.indent === 1 ? 'space' : `${fence.indent} spaces`} before ${fence.marker}`,
    );
    return { role: PROSE, problems };
  }
  const target = attrs['for'];
  if (!('for' in attrs) && bareValueGuess(COMPANION_ATTRIBUTES[language], attributes) === undefined) {
    problems.push(`a ${language === 'yaml' ? 'checks' : 'hint'} fence needs for= — name its exercise: ${opening} for=exercise-id`);
  }
  return {
    role: {
      role: 'companion',
      part: language === 'yaml' ? 'checks' : 'hint',
      language,
      target: typeof target === 'string' ? target : undefined,
      attrs,
    },
    problems,
  };
}

/**
 * A fence in another language is prose, but `SQL` or `javascript id=x` almost
 * certainly meant a cell, and `for=x` a part of an exercise; silently showing
 * it as text would hide the mistake (or, for a solution, show it to learners).
 */
function nearMissProblems(fence: Fence, language: string, attributes: readonly Attribute[]): string[] {
  const hasId = has(attributes, 'id');
  if (has(attributes, 'for') || has(attributes, 'solution') || has(attributes, 'checks')) {
    const meant =
      language === 'yml'
        ? ` — write ${fence.marker}yaml checks for=…`
        : ['md', 'markdown', 'text', 'txt'].includes(language.toLowerCase())
          ? ` — write a hint as ${fence.marker}hint for=…`
          : '';
    const what = language === '' ? 'this fence has no language' : `'${language}' is no language for a part of an exercise`;
    return [`${what}, so learners would see this block as text${meant} (an exercise's parts are ${COMPANION_FORMS})`];
  }
  if (language === '') {
    return hasId ? [`this fence has an id but no language — write ${fence.marker}sql, ${fence.marker}js, ${fence.marker}chart or ${fence.marker}pipeline before the attributes`] : [];
  }
  const lower = language.toLowerCase();
  const caseSlip = isCellLanguage(lower);
  if (!caseSlip && !hasId) return [];
  const meant = caseSlip ? lower : LANGUAGE_ALIASES[lower] ?? closest(lower, CELL_LANGUAGES);
  const fix =
    meant === undefined
      ? `cell languages are ${CELL_LANGUAGES.join(', ')}`
      : `write ${fence.marker}${meant} id=some-name for a cell, or ${fence.marker}${meant} static for an example`;
  return [`'${language}' is not a cell language, so this block would only be shown as text — ${fix}`];
}
